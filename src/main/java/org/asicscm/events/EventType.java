package org.asicscm.events;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.asicscm.events.Events.*;

/**
 * The event catalogue: wire name, schema version, payload record and the stages that consume
 * it. Every event also goes to the {@code scm.events} topic for outside listeners.
 * docs/events.md describes the envelope and each type.
 */
public enum EventType {
    LOT_RECEIVED("LotReceived", LotReceived.class),
    LOT_HELD("LotHeld", LotHeld.class, Stage.ASSEMBLY),
    LOT_RELEASED("LotReleased", LotReleased.class, Stage.ASSEMBLY),
    LOT_CORRECTED("LotCorrected", LotCorrected.class, Stage.ASSEMBLY),
    BUILD_ORDER_CREATED("BuildOrderCreated", BuildOrderCreated.class, Stage.ASSEMBLY, Stage.QA, Stage.SHIPPING),
    BUILD_ORDER_CANCELLED("BuildOrderCancelled", BuildOrderCancelled.class, Stage.ASSEMBLY, Stage.SHIPPING),
    BUILD_ORDER_REDUCED("BuildOrderReduced", BuildOrderReduced.class, Stage.ASSEMBLY, Stage.SHIPPING),
    DIES_ALLOCATED("DiesAllocated", DiesAllocated.class, Stage.ASSEMBLY),
    ALLOCATION_CONFIRMED("AllocationConfirmed", AllocationConfirmed.class),
    ALLOCATION_RELEASED("AllocationReleased", AllocationReleased.class, Stage.ASSEMBLY),
    ALLOCATION_EXPIRED("AllocationExpired", AllocationExpired.class, Stage.ASSEMBLY),
    DIES_REASSIGNED("DiesReassigned", DiesReassigned.class, Stage.ASSEMBLY),
    BUILD_SCHEDULED("BuildScheduled", BuildScheduled.class, Stage.ALLOCATION, Stage.SHIPPING),
    BUILD_RESCHEDULED("BuildRescheduled", BuildRescheduled.class, Stage.ALLOCATION, Stage.SHIPPING),
    BUILD_FLAGGED_LATE("BuildFlaggedLate", BuildFlaggedLate.class),
    BUILD_AT_RISK("BuildAtRisk", BuildAtRisk.class),
    CONSIGNMENT_DISCREPANCY_FLAGGED("ConsignmentDiscrepancyFlagged", ConsignmentDiscrepancyFlagged.class),
    BOARD_ASSEMBLED("BoardAssembled", BoardAssembled.class, Stage.QA, Stage.ALLOCATION),
    MACHINE_ASSEMBLED("MachineAssembled", MachineAssembled.class, Stage.QA),
    UNIT_TESTED("UnitTested", UnitTested.class, Stage.ASSEMBLY),
    UNIT_REWORKED("UnitReworked", UnitReworked.class, Stage.ASSEMBLY),
    UNIT_SCRAPPED("UnitScrapped", UnitScrapped.class, Stage.ASSEMBLY, Stage.ALLOCATION),
    MACHINE_READY_TO_SHIP("MachineReadyToShip", MachineReadyToShip.class, Stage.SHIPPING),
    SHIPMENT_BOOKED("ShipmentBooked", ShipmentBooked.class, Stage.QA),
    SHIPMENT_MILESTONE_REACHED("ShipmentMilestoneReached", ShipmentMilestoneReached.class, Stage.QA),
    SHIPMENT_RELEASED("ShipmentReleased", ShipmentReleased.class),
    SHIPMENT_ETA_SLIPPED("ShipmentEtaSlipped", ShipmentEtaSlipped.class),
    QUALITY_HOLD_PLACED("QualityHoldPlaced", QualityHoldPlaced.class, Stage.SHIPPING),
    QUALITY_HOLD_RELEASED("QualityHoldReleased", QualityHoldReleased.class, Stage.SHIPPING),
    MACHINE_RETURNED("MachineReturned", MachineReturned.class),
    MACHINE_GRADED("MachineGraded", MachineGraded.class, Stage.SHIPPING);

    /**
     * 2: order headers in BuildOrderCreated and DiesAllocated, planning events; 3: genealogy
     * fields (factory, line and shift of a board, control-board and PSU lots, the customer's
     * name on a shipment) and QA's quality holds (docs/events.md).
     */
    public static final int SCHEMA_VERSION = 3;

    /**
     * Version 3 only added fields that may be null, so a version-2 event still in a queue or an
     * outbox when the application is upgraded is read as it was, its new fields null.
     */
    public static final int OLDEST_READABLE_VERSION = 2;

    private final String wireName;
    private final Class<? extends Event> payloadType;
    private final Set<Stage> consumers;

    EventType(String wireName, Class<? extends Event> payloadType, Stage... consumers) {
        this.wireName = wireName;
        this.payloadType = payloadType;
        this.consumers = consumers.length == 0 ? EnumSet.noneOf(Stage.class) : EnumSet.copyOf(Arrays.asList(consumers));
    }

    public String wireName() {
        return wireName;
    }

    public Class<? extends Event> payloadType() {
        return payloadType;
    }

    public Set<Stage> consumers() {
        return consumers;
    }

    public static EventType of(Event event) {
        for (EventType type : values()) {
            if (type.payloadType == event.getClass()) {
                return type;
            }
        }
        throw new IllegalArgumentException("event not in the catalogue: " + event.getClass());
    }

    public static Optional<EventType> byWireName(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }
}
