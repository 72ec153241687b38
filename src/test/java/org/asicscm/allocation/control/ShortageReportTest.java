package org.asicscm.allocation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.asicscm.allocation.control.ShortageReport.BinLine;
import org.asicscm.allocation.control.ShortageReport.Demand;
import org.asicscm.allocation.control.ShortageReport.OrderAtRisk;
import org.asicscm.allocation.control.ShortageReport.Stock;
import org.junit.jupiter.api.Test;

class ShortageReportTest {
    private static final LocalDate JAN_10 = LocalDate.of(2027, 1, 10);
    private static final LocalDate JAN_20 = LocalDate.of(2027, 1, 20);

    @Test
    void theMostUrgentOrdersAreServedFirstAndTheRestIsShortAgainstTheirMinimumBin() {
        var stock = List.of(new Stock("BM1398", "B1", 1000, 0), new Stock("BM1398", "B2", 2000, 5000));
        var demands = List.of(
                // least urgent: priority 7
                new Demand("o-3", "BO-3", 7, JAN_10, "BM1398", List.of("B2"), 1500),
                // same priority as BO-1 but due later: served second
                new Demand("o-2", "BO-2", 2, JAN_20, "BM1398", List.of("B2", "B1"), 1500),
                new Demand("o-1", "BO-1", 2, JAN_10, "BM1398", List.of("B2"), 1200));
        var result = ShortageReport.of(demands, stock);

        // BO-1 takes 1200 of B2; BO-2 the other 800 of B2 and 700 of B1; BO-3 finds no B2 left
        assertEquals(List.of(new OrderAtRisk("o-3", "BO-3", 7, JAN_10, 1500, 0, 1500)), result.ordersAtRisk());
        assertEquals(
                List.of(
                        new BinLine("BM1398", "B1", 1000, 0, 700, 0),
                        new BinLine("BM1398", "B2", 2000, 5000, 2000, 1500)),
                result.bins());
    }

    @Test
    void aBinWithNoStockAtAllStillShowsItsShortage() {
        var result = ShortageReport.of(
                List.of(new Demand("o-1", "BO-1", 5, JAN_10, "BM1366", List.of("B3", "B2"), 600)),
                List.of(new Stock("BM1366", "B2", 100, 0)));
        assertEquals(List.of(new OrderAtRisk("o-1", "BO-1", 5, JAN_10, 600, 100, 500)), result.ordersAtRisk());
        assertEquals(
                List.of(new BinLine("BM1366", "B2", 100, 0, 100, 0), new BinLine("BM1366", "B3", 0, 0, 0, 500)),
                result.bins());
    }
}
