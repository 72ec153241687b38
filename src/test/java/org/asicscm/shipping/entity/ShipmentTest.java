package org.asicscm.shipping.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ShipmentTest {
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 23, 8, 0, 0, 0, ZoneOffset.UTC);

    /** Booked by lin.wei and released for export: milestones may follow. */
    private Shipment shipment() {
        Shipment shipment = booked();
        shipment.release("zhang.min", null, T0.plusHours(1));
        return shipment;
    }

    private Shipment booked() {
        Shipment shipment = new Shipment(
                new Customer("Almaty Hosting", "KZ"),
                Shipment.Mode.AIR,
                "SF Express",
                Shipment.Incoterm.DAP,
                "KZ",
                "8543.70",
                new BigDecimal("48000"),
                "c-1",
                T0);
        shipment.bookedFor(null, "lin.wei", ShipmentParties.none());
        return shipment;
    }

    @Test
    void beforeReleaseOnlyExceptionsAreLogged() {
        Shipment shipment = booked();
        var early = assertThrows(
                Shipment.NotReleased.class, () -> shipment.record(Milestone.PICKED_UP, T0.plusHours(2), null, null));
        assertEquals(
                "shipment " + shipment.id() + " is not released for export; PICKED_UP cannot be logged",
                early.getMessage());
        shipment.record(Milestone.DELAYED, T0.plusHours(2), null, "truck late");
        assertEquals(Milestone.BOOKED, shipment.status());
        shipment.release("zhang.min", "EL-1", T0.plusHours(3));
        shipment.record(Milestone.PICKED_UP, T0.plusHours(4), null, null);
        assertEquals(Milestone.PICKED_UP, shipment.status());
        assertThrows(IllegalStateException.class, () -> shipment.release("zhang.min", null, T0.plusHours(5)));
    }

    @Test
    void whoBookedItMayNotApproveItsCredit() {
        Shipment shipment = booked();
        assertThrows(
                Shipment.SecondPersonRequired.class,
                () -> shipment.approveCredit("lin.wei", "good customer", T0.plusHours(1)));
        shipment.approveCredit("zhang.min", "letter of credit", T0.plusHours(1));
        assertEquals("zhang.min", shipment.creditApprovedBy());
    }

    @Test
    void aLegMovesOnlyForwardAndTimesItsDepartureAndArrival() {
        Shipment shipment = booked();
        var leg = shipment.addLeg(new ShipmentLeg.Plan(
                ShipmentLeg.Mode.AIR, "Cathay Cargo", "160-1", "HKHKG", "KZALA", T0.plusHours(5), T0.plusHours(12)));
        assertEquals(1, leg.seq());
        assertEquals(true, leg.advance(Milestone.DEPARTED, T0.plusHours(6)));
        assertEquals(false, leg.advance(Milestone.PICKED_UP, T0.plusHours(4)), "a late post moves nothing back");
        assertEquals(false, leg.advance(Milestone.DELAYED, T0.plusHours(7)), "an exception moves nothing");
        assertEquals(true, leg.advance(Milestone.DELIVERED, T0.plusHours(13)));
        assertEquals(T0.plusHours(6), leg.actualDeparture());
        assertEquals(T0.plusHours(13), leg.actualArrival(), "arrival implied by delivery");
        assertEquals(false, leg.onTime());
        assertEquals(java.time.Duration.ofHours(30), leg.reestimate(T0.plusHours(42)));
        assertEquals(java.time.Duration.ZERO, leg.reestimate(T0.plusHours(10)));
        assertThrows(
                IllegalArgumentException.class,
                () -> new ShipmentLeg.Plan(
                        ShipmentLeg.Mode.SEA, "COSCO", "B/L-1", "CNSZX", "RSBEG", T0.plusDays(2), T0.plusDays(1)));
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
