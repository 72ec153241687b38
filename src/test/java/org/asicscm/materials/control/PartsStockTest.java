package org.asicscm.materials.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.asicscm.assembly.entity.Factory;
import org.asicscm.assembly.entity.SubDistrict;
import org.asicscm.materials.entity.Item;
import org.asicscm.materials.entity.PartStock;
import org.asicscm.platform.InvalidInputException;
import org.asicscm.platform.RuleViolationException;
import org.asicscm.testing.ControlDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Purchase orders, receipts by supplier lot, consignment to a factory and consumption, on the real persistence unit. */
class PartsStockTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), ZoneOffset.UTC);
    private final ControlDatabase db = new ControlDatabase();
    private final PartStocks stocks = new PartStocks();
    private final Purchasing purchasing = new Purchasing();
    private String factory;
    private String po;

    PartsStockTest() {
        stocks.em = db.em();
        stocks.clock = clock;
        purchasing.em = db.em();
        purchasing.clock = clock;
        purchasing.stocks = stocks;
    }

    @BeforeEach
    void master() {
        var items = MaterialsWiring.items(db.em(), clock);
        factory = db.inTransaction(() -> {
            items.register("PSU-APW12", "PSU 3.6 kW", Item.Kind.PSU, Item.Uom.EA, true);
            items.register("FAN-12038", "fan 120 mm", Item.Kind.FAN, Item.Uom.EA, false);
            var shajing = new Factory("SJ1", "Shajing 1", Factory.Location.baoan(SubDistrict.SHAJING));
            db.em().persist(shajing);
            return shajing.id();
        });
        po = db.inTransaction(() -> purchasing
                .open(
                        "PO-1",
                        "Bitmain Power",
                        List.of(
                                new Purchasing.Line("PSU-APW12", new BigDecimal("100"), LocalDate.of(2026, 12, 5)),
                                new Purchasing.Line("FAN-12038", new BigDecimal("400"), LocalDate.of(2026, 12, 5))),
                        "lin.wei")
                .id());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private BigDecimal onHand(String item, String location) {
        return stocks.onHand(item, location).stream().map(PartStock::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void receiptsGoToTheWarehouseByLotAndAreRefusedBeyondTheLineOrWithoutALot() {
        db.inTransaction(() -> purchasing.receive(po, 1, new BigDecimal("60"), "PSL-A", "lin.wei"));
        db.inTransaction(() -> purchasing.receive(po, 1, new BigDecimal("40"), "PSL-B", "lin.wei"));
        assertEquals(0, new BigDecimal("100").compareTo(onHand("PSU-APW12", PartStock.CENTRAL)));
        var over = assertThrows(
                RuleViolationException.class,
                () -> db.inTransaction(() -> purchasing.receive(po, 1, new BigDecimal("1"), "PSL-C", "lin.wei")));
        assertEquals("over-receipt", over.code());
        var noLine = assertThrows(
                InvalidInputException.class,
                () -> db.inTransaction(() -> purchasing.receive(po, 3, new BigDecimal("1"), null, "lin.wei")));
        assertEquals("line", noLine.field());
        var noLot = assertThrows(
                InvalidInputException.class,
                () -> db.inTransaction(() -> purchasing.receive(po, 1, new BigDecimal("1"), null, "lin.wei")));
        assertEquals("supplierLot", noLot.field());
        assertEquals(
                0, new BigDecimal("100").compareTo(onHand("PSU-APW12", null)), "the refused receipts wrote nothing");
        var unknown = assertThrows(
                InvalidInputException.class,
                () -> db.inTransaction(() -> purchasing.open(
                        "PO-2",
                        "X",
                        List.of(new Purchasing.Line("NOPE", BigDecimal.ONE, LocalDate.of(2026, 12, 5))),
                        "x")));
        assertEquals("lines[0].item", unknown.field());
    }

    @Test
    void aFactoryConsumesItsConsignmentOldestLotFirstAndNeverMoreThanItHas() {
        db.inTransaction(() -> purchasing.receive(po, 1, new BigDecimal("60"), "PSL-A", "lin.wei"));
        db.inTransaction(() -> purchasing.receive(po, 1, new BigDecimal("40"), "PSL-B", "lin.wei"));
        db.inTransaction(() -> stocks.transfer("PSU-APW12", "PSL-A", new BigDecimal("10"), factory, "lin.wei"));
        db.inTransaction(() -> stocks.transfer("PSU-APW12", "PSL-B", new BigDecimal("30"), factory, "lin.wei"));
        var tooMany = assertThrows(
                RuleViolationException.class,
                () -> db.inTransaction(
                        () -> stocks.transfer("PSU-APW12", "PSL-B", new BigDecimal("11"), factory, "lin.wei")));
        assertEquals("insufficient-parts", tooMany.code());
        assertEquals(
                0, new BigDecimal("10").compareTo((BigDecimal) tooMany.details().get("onHand")));

        db.inTransaction(() -> stocks.consume("PSU-APW12", factory, new BigDecimal("15"), "BO-1", "lin.wei"));
        var left = stocks.onHand("PSU-APW12", factory);
        assertEquals(1, left.size(), "lot A used up first");
        assertEquals("PSL-B", left.get(0).supplierLot());
        assertEquals(0, new BigDecimal("25").compareTo(left.get(0).quantity()));
        var short_ = assertThrows(
                RuleViolationException.class,
                () -> db.inTransaction(() -> stocks.consume("PSU-APW12", factory, new BigDecimal("26"), "BO-1", "x")));
        assertEquals("insufficient-parts", short_.code());
        assertEquals(0, new BigDecimal("25").compareTo(onHand("PSU-APW12", factory)), "nothing was taken");

        db.inTransaction(() -> db.em().find(Factory.class, factory).allowNegativeParts(true));
        db.inTransaction(() -> stocks.consume("PSU-APW12", factory, new BigDecimal("26"), "BO-1", "x"));
        assertEquals(0, onHand("PSU-APW12", factory).signum(), "what was there was taken");
        var counts = new PartCounts();
        counts.em = db.em();
        counts.clock = clock;
        assertEquals(
                0,
                BigDecimal.ONE.compareTo(
                        counts.open("PSU-APW12", factory).get(0).quantity()),
                "the rest is owed");
        assertEquals(0, new BigDecimal("60").compareTo(onHand("PSU-APW12", PartStock.CENTRAL)));
    }

    @Test
    void assemblyTakesTheScannedLotFirstWhatIsMissingIsAnsweredAndACountSettlesIt() {
        db.inTransaction(() -> purchasing.receive(po, 1, new BigDecimal("60"), "PSL-A", "lin.wei"));
        db.inTransaction(() -> purchasing.receive(po, 1, new BigDecimal("40"), "PSL-B", "lin.wei"));
        db.inTransaction(() -> stocks.transfer("PSU-APW12", "PSL-A", new BigDecimal("2"), factory, "lin.wei"));
        db.inTransaction(() -> stocks.transfer("PSU-APW12", "PSL-B", new BigDecimal("1"), factory, "lin.wei"));

        BigDecimal missing = db.inTransaction(() -> stocks.takeUpTo(
                "PSU-APW12",
                factory,
                "PSL-B",
                new BigDecimal("4"),
                org.asicscm.materials.entity.PartMovement.Kind.BACKFLUSH,
                "M-1",
                "floor"));

        // B first (scanned), then A; one PSU more than the factory had on record
        assertEquals(0, BigDecimal.ONE.compareTo(missing));
        assertEquals(0, onHand("PSU-APW12", factory).signum());

        var counts = new PartCounts();
        counts.em = db.em();
        counts.clock = clock;
        db.inTransaction(() -> db.em()
                .persist(new org.asicscm.materials.entity.PartShortfall(
                        "PSU-APW12", factory, missing, "M-1", java.time.OffsetDateTime.now(clock))));
        assertEquals(1, counts.open("PSU-APW12", factory).size());
        var count = db.inTransaction(
                () -> counts.count("PSU-APW12", factory, "PSL-A", new BigDecimal("3"), "found in QA", "zhang.min"));
        assertEquals(0, new BigDecimal("3").compareTo(count.variance()));
        assertEquals(0, BigDecimal.ONE.compareTo(count.unposted()));
        assertEquals(0, counts.open("PSU-APW12", factory).size(), "the count settled the shortfall");
        assertEquals(0, new BigDecimal("3").compareTo(onHand("PSU-APW12", factory)));
        var nowhere = assertThrows(
                InvalidInputException.class,
                () -> db.inTransaction(() -> counts.count("PSU-APW12", "NOWHERE", null, BigDecimal.ONE, null, "x")));
        assertEquals("location", nowhere.field());
    }
}
