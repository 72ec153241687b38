package org.asicscm.shipping.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ShipmentTest {
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 23, 8, 0, 0, 0, ZoneOffset.UTC);

    private Shipment shipment() {
        return new Shipment(
                new Customer("Almaty Hosting", "KZ"),
                Shipment.Mode.AIR,
                "SF Express",
                Shipment.Incoterm.DAP,
                "KZ",
                "8543.70",
                new BigDecimal("48000"),
                "c-1",
                T0);
    }

    @Test
    void milestonesMoveForwardAndMaySkipOne() {
        Shipment shipment = shipment();
        shipment.record(Milestone.DEPARTED, T0.plusHours(5), "SZX", null);
        shipment.record(Milestone.ARRIVED, T0.plusHours(12), "ALA", null);
        assertEquals(Milestone.ARRIVED, shipment.status());
        var backwards = assertThrows(
                IllegalStateException.class, () -> shipment.record(Milestone.DEPARTED, T0.plusHours(13), null, null));
        assertEquals("shipment " + shipment.id() + " is at ARRIVED; DEPARTED cannot follow it", backwards.getMessage());
    }

    @Test
    void exceptionsAreLoggedWithoutMovingTheShipmentOn() {
        Shipment shipment = shipment();
        shipment.record(Milestone.ARRIVED, T0.plusHours(12), "ALA", null);
        shipment.record(Milestone.HOLD, T0.plusHours(13), "ALA customs", "HS code queried");
        assertEquals(Milestone.ARRIVED, shipment.status());
        shipment.record(Milestone.CUSTOMS_CLEARED, T0.plusHours(40), "ALA", null);
        assertEquals(4, shipment.milestones().size());
    }

    @Test
    void nothingFollowsDelivery() {
        Shipment shipment = shipment();
        shipment.record(Milestone.DELIVERED, T0.plusDays(3), "Almaty", null);
        assertThrows(IllegalStateException.class, () -> shipment.record(Milestone.DAMAGE, T0.plusDays(4), null, null));
    }

    @Test
    void aDeclaredValueMustBePositive() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new Shipment(
                        new Customer("X", "RS"),
                        Shipment.Mode.SEA,
                        "COSCO",
                        Shipment.Incoterm.FOB,
                        "RS",
                        "8471.50",
                        BigDecimal.ZERO,
                        "c",
                        T0));
    }
}
