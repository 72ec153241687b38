package org.asicscm.shipping.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** "S19 Pro 110 TH/s, at most 29.5 J/TH": a lower grade is never given, a higher one only when allowed. */
class OrderGradeTest {

    private static CustomerOrder order(boolean higherAllowed) {
        return new CustomerOrder(
                "CO-1",
                new Customer("Astana Compute LLP", "KZ"),
                "S19P",
                10,
                new BigDecimal("110"),
                new BigDecimal("29.5"),
                higherAllowed,
                LocalDate.of(2026, 12, 20),
                new BigDecimal("2450.00"),
                "USD",
                new BigDecimal("4900.00"),
                "logistics",
                OffsetDateTime.parse("2026-11-27T08:00:00Z"));
    }

    private static CustomerOrder.Misfit misfit(CustomerOrder order, String ths, String jth) {
        return order.misfit(ths == null ? null : new BigDecimal(ths), jth == null ? null : new BigDecimal(jth));
    }

    @Test
    void theOrdersOwnGradeFitsEitherWay() {
        assertNull(misfit(order(false), "110", "29.50"));
        assertNull(misfit(order(true), "110.0", "29.5"));
    }

    @Test
    void aLowerGradeIsNeverGiven() {
        assertEquals(CustomerOrder.Misfit.BELOW_ORDER, misfit(order(true), "105", "29.5"));
        assertEquals(CustomerOrder.Misfit.BELOW_ORDER, misfit(order(true), "110", "30.0"));
        assertEquals(CustomerOrder.Misfit.BELOW_ORDER, misfit(order(true), "115", "30.0"), "more TH/s, worse J/TH");
    }

    @Test
    void aHigherGradeOnlyWhenTheOrderAllowsIt() {
        assertEquals(CustomerOrder.Misfit.ABOVE_ORDER, misfit(order(false), "115", "29.5"));
        assertEquals(CustomerOrder.Misfit.ABOVE_ORDER, misfit(order(false), "110", "29.0"));
        assertNull(misfit(order(true), "115", "29.0"));
    }

    @Test
    void anUngradedMachineFitsNoOrder() {
        assertEquals(CustomerOrder.Misfit.UNGRADED, misfit(order(true), null, null));
    }

    @Test
    void theTotalIsPriceTimesMachines() {
        assertEquals(new BigDecimal("24500.00"), order(false).total());
    }
}
