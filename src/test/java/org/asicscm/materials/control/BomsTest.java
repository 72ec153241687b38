package org.asicscm.materials.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.asicscm.allocation.control.AllocationWiring;
import org.asicscm.allocation.entity.Bin;
import org.asicscm.materials.entity.BomLine.Level;
import org.asicscm.materials.entity.Item;
import org.asicscm.platform.InvalidInputException;
import org.asicscm.platform.RuleViolationException;
import org.asicscm.testing.ControlDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** BOM versions on the real persistence unit: checked whole, numbered, in force by date, pinned to orders. */
class BomsTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), ZoneOffset.UTC);
    private final ControlDatabase db = new ControlDatabase();
    private final AllocationWiring allocation = new AllocationWiring(db, clock);
    private final Boms boms = MaterialsWiring.boms(db.em(), clock);
    private final Items items = MaterialsWiring.items(db.em(), clock);

    @BeforeEach
    void catalogue() {
        db.inTransaction(() -> {
            allocation.catalogue.registerChipModel(
                    "BM1370", "5nm", null, List.of(new Bin("B1", 1, 525, 1280, new BigDecimal("15.5"))));
            allocation.catalogue.registerProduct(
                    "S21", "Antminer S21", "BM1370", 100, 3, "B1", List.of(), new BigDecimal("2"));
            items.register("PCB-S21", "hashboard PCB", Item.Kind.PCB, Item.Uom.EA, false);
            items.register("HS-S21", "heat sink", Item.Kind.HEAT_SINK, Item.Uom.EA, false);
            items.register("PSU-APW12", "PSU 3.6 kW", Item.Kind.PSU, Item.Uom.EA, true);
            items.register("FAN-12038", "fan 120 mm", Item.Kind.FAN, Item.Uom.EA, false);
            return null;
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static Boms.Line line(Level level, String item, String quantity, String scrap) {
        return new Boms.Line(level, item, new BigDecimal(quantity), scrap == null ? null : new BigDecimal(scrap));
    }

    private final List<Boms.Line> v1 = List.of(
            line(Level.HASHBOARD, "PCB-S21", "1", "0.02"),
            line(Level.HASHBOARD, "HS-S21", "2", null),
            line(Level.MACHINE, "PSU-APW12", "1", null),
            line(Level.MACHINE, "FAN-12038", "4", "0.01"));

    @Test
    void anOrderKeepsTheVersionInForceWhenItWasOpenedAndItsRequirementsFollowIt() {
        db.inTransaction(() -> boms.define("S21", TODAY, "first build", v1, "lin.wei"));
        String first = db.inTransaction(() -> allocation
                .orders
                .createBuildOrder("BO-1", "S21", 10, TODAY.plusDays(20), 5, null, "c-1")
                .id());
        var v2 = List.of(line(Level.HASHBOARD, "PCB-S21", "1", "0.02"), line(Level.MACHINE, "FAN-12038", "2", null));
        db.inTransaction(() -> boms.define("S21", TODAY.plusDays(1), "two fans", v2, "lin.wei"));
        assertEquals(1, boms.inForce("S21", TODAY).orElseThrow().version());
        assertEquals(2, boms.inForce("S21", TODAY.plusDays(1)).orElseThrow().version());

        var needs = boms.requirements(first);
        assertEquals(4, needs.size(), "version 1, though version 2 now exists");
        // 10 machines, per hashboard first, by item: 30 boards x 2 heat sinks; 30 x 1 PCB x 1.02 = 30.6 -> 31;
        // per machine: 40 fans x 1.01 = 40.4 -> 41; 10 PSUs
        assertEquals(
                List.of("HS-S21=60", "PCB-S21=31", "FAN-12038=41", "PSU-APW12=10"),
                needs.stream()
                        .map(n -> n.item() + "=" + n.gross().toPlainString())
                        .toList());
        assertEquals(30, needs.get(0).units());
    }

    @Test
    void aProductWithoutABomGivesOrdersNone() {
        String order = db.inTransaction(() -> allocation
                .orders
                .createBuildOrder("BO-0", "S21", 1, TODAY.plusDays(20), 5, null, "c-0")
                .id());
        assertNull(db.em()
                .find(org.asicscm.allocation.entity.BuildOrder.class, order)
                .bomVersion());
        assertEquals(List.of(), boms.requirements(order));
    }

    @Test
    void aBadLineRefusesTheWholeVersionNamingIt() {
        assertField("lines[1].item", List.of(v1.get(0), line(Level.MACHINE, "S21", "1", null)));
        assertField("lines[0].item", List.of(line(Level.MACHINE, "NO-SUCH-ITEM", "1", null)));
        assertField("lines[1].item", List.of(v1.get(0), v1.get(0)));
        assertThrows(
                IllegalArgumentException.class,
                () -> db.inTransaction(() ->
                        boms.define("S21", TODAY, null, List.of(line(Level.MACHINE, "FAN-12038", "-4", null)), "x")));
        assertEquals(List.of(), boms.versions("S21"), "nothing was written");
        var past = assertThrows(
                InvalidInputException.class,
                () -> db.inTransaction(() -> boms.define("S21", TODAY.minusDays(1), null, v1, "x")));
        assertEquals("effectiveFrom", past.field());
        db.inTransaction(() -> boms.define("S21", TODAY.plusDays(5), null, v1, "x"));
        var notAfter = assertThrows(
                RuleViolationException.class,
                () -> db.inTransaction(() -> boms.define("S21", TODAY.plusDays(5), null, v1, "x")));
        assertEquals("effective-date-not-after-last", notAfter.code());
    }

    private void assertField(String field, List<Boms.Line> lines) {
        var refused = assertThrows(
                InvalidInputException.class, () -> db.inTransaction(() -> boms.define("S21", TODAY, null, lines, "x")));
        assertEquals(field, refused.field(), refused.getMessage());
    }
}
