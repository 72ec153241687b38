package org.asicscm.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Every event the stages exchange, as immutable records: the {@code data} part of an event's
 * JSON envelope. {@link EventType} maps each record to its wire name, schema version and the
 * stages that receive it. Changing a record's fields means a new schema version.
 */
public final class Events {
    private Events() {}

    /**
     * A field an event may leave out (free text, or a value that only some events have). Every
     * other field is required: a message without it is dead-lettered at the inbox.
     */
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target(java.lang.annotation.ElementType.RECORD_COMPONENT)
    public @interface MayBeNull {}

    /** Marker for the records below. */
    public sealed interface Event {
        /** The id of the thing the event is about (lot, order, serial, shipment). */
        String subjectId();
    }

    public record BinCount(String bin, int goodDies) {}

    public record LotReceived(String lotId, String lotNumber, String chipModel, int wafers, List<BinCount> bins)
            implements Event {
        public String subjectId() {
            return lotId;
        }
    }

    public record LotHeld(
            String lotId, String lotNumber, @MayBeNull String reason) implements Event {
        public String subjectId() {
            return lotId;
        }
    }

    public record LotReleased(
            String lotId, String lotNumber, @MayBeNull String reason) implements Event {
        public String subjectId() {
            return lotId;
        }
    }

    /** What a stage needs to know of a build order to act on it without asking allocation. */
    public record OrderHeader(
            String buildOrderId,
            String orderNumber,
            String product,
            String chipModel,
            int chipsPerBoard,
            int boardsPerMachine,
            int machines,
            LocalDate dueDate,
            int priority) {}

    public record BuildOrderCreated(
            OrderHeader order, @MayBeNull String customerOrderRef) implements Event {
        public String subjectId() {
            return order.buildOrderId();
        }
    }

    /** The order will not be built; its allocations are released by their own events. */
    public record BuildOrderCancelled(
            String buildOrderId,
            String orderNumber,
            @MayBeNull String reason) implements Event {
        public String subjectId() {
            return buildOrderId;
        }
    }

    /** Fewer machines; dies beyond the new need were withdrawn from the newest allocations. */
    public record BuildOrderReduced(
            OrderHeader order,
            int machinesBefore,
            @MayBeNull String reason,
            List<Withdrawal> withdrawals) implements Event {
        public String subjectId() {
            return order.buildOrderId();
        }
    }

    /** expiresAt is null for a firm allocation, else the time the reservation lapses unless confirmed. */
    public record DiesAllocated(
            String allocationId,
            OrderHeader order,
            String lotId,
            String lotNumber,
            String bin,
            int dies,
            @MayBeNull OffsetDateTime expiresAt)
            implements Event {
        public String subjectId() {
            return order.buildOrderId();
        }
    }

    public record AllocationReleased(
            String allocationId, String buildOrderId, String lotId, String bin, int diesReturned) implements Event {
        public String subjectId() {
            return buildOrderId;
        }
    }

    /** A reservation that was not confirmed in time: its dies went back to the lot. */
    public record AllocationExpired(
            String allocationId, String buildOrderId, String lotId, String bin, int diesReturned) implements Event {
        public String subjectId() {
            return buildOrderId;
        }
    }

    public record AllocationConfirmed(String allocationId, String buildOrderId) implements Event {
        public String subjectId() {
            return buildOrderId;
        }
    }

    /** Dies moved from one allocation of the lower-priority order to a new one of the higher. */
    public record DieMove(
            String fromAllocationId, String toAllocationId, String lotId, String lotNumber, String bin, int dies) {}

    public record DiesReassigned(
            String reassignmentId,
            String fromOrderId,
            OrderHeader to,
            int dies,
            @MayBeNull String reason,
            List<DieMove> moves)
            implements Event {
        public String subjectId() {
            return reassignmentId;
        }
    }

    public record BinCorrection(String bin, int goodBefore, int goodAfter) {}

    /** Dies taken from an allocation because the lot no longer has them; the order is short by that much. */
    public record Withdrawal(String allocationId, String buildOrderId, String orderNumber, String bin, int dies) {}

    public record LotCorrected(
            String lotId,
            String lotNumber,
            @MayBeNull String reason,
            List<BinCorrection> bins,
            List<Withdrawal> withdrawals)
            implements Event {
        public String subjectId() {
            return lotId;
        }
    }

    public record BuildScheduled(
            String scheduleId,
            String buildOrderId,
            String lineId,
            String factoryCode,
            String lineCode,
            int boards,
            LocalDate startDate,
            LocalDate endDate)
            implements Event {
        public String subjectId() {
            return buildOrderId;
        }
    }

    /** The plan for an order changed: a line went down, a factory closed, or the planner re-ran the plan. */
    public record BuildRescheduled(
            String buildOrderId,
            String orderNumber,
            @MayBeNull String reason,
            int boards,
            @MayBeNull LocalDate startDate,
            @MayBeNull LocalDate endDate,
            List<String> lineCodes)
            implements Event {
        public String subjectId() {
            return buildOrderId;
        }
    }

    /** The plan finishes an order after its due date (plannedEnd null when nothing could be placed). */
    public record BuildFlaggedLate(
            String buildOrderId,
            String orderNumber,
            LocalDate dueDate,
            @MayBeNull LocalDate plannedEnd,
            long daysLate,
            int unplacedBoards)
            implements Event {
        public String subjectId() {
            return buildOrderId;
        }
    }

    /** Planned boards that can no longer be built as planned, e.g. their dies went on quality hold. */
    public record BuildAtRisk(
            String buildOrderId,
            String orderNumber,
            @MayBeNull String reason,
            int boardsAtRisk) implements Event {
        public String subjectId() {
            return buildOrderId;
        }
    }

    /** A count of consigned dies at a factory differs from what should be there by more than the tolerance. */
    public record ConsignmentDiscrepancyFlagged(
            String factoryId,
            String factoryCode,
            String chipModel,
            int diesExpected,
            int diesCounted,
            int difference,
            int toleranceDies)
            implements Event {
        public String subjectId() {
            return factoryId;
        }
    }

    public record DieSource(String allocationId, String lotId, String lotNumber, String bin, int dies) {}

    /**
     * sources fill the board's chip positions in their order (the first source's dies take
     * positions 0.., the next continue); factoryId, lineCode and shift (the factory's local
     * date and shift number, e.g. 2026-11-27/S2) came with schema 3.
     */
    public record BoardAssembled(
            String serial,
            String buildOrderId,
            String lineId,
            String chipModel,
            int chips,
            List<DieSource> sources,
            @MayBeNull String factoryId,
            @MayBeNull String lineCode,
            @MayBeNull String shift)
            implements Event {
        public String subjectId() {
            return serial;
        }
    }

    public record MachineAssembled(
            String serial,
            String buildOrderId,
            List<String> boardSerials,
            int chipsPerBoard,
            @MayBeNull String controlBoardSerial,
            @MayBeNull String psuSerial,
            @MayBeNull String controlBoardLot,
            @MayBeNull String psuLot)
            implements Event {
        public String subjectId() {
            return serial;
        }
    }

    /** kind is BOARD or MACHINE; failureCode is null when the unit passed. */
    /** What QA judges: a hashboard on its own, or a whole machine. */
    public enum UnitKind {
        BOARD,
        MACHINE
    }

    public record UnitTested(
            String serial,
            UnitKind kind,
            String buildOrderId,
            int attempt,
            boolean passed,
            @MayBeNull String failureCode,
            @MayBeNull BigDecimal hashrateThs)
            implements Event {
        public String subjectId() {
            return serial;
        }
    }

    public record UnitReworked(
            String serial,
            UnitKind kind,
            String buildOrderId,
            @MayBeNull String note) implements Event {
        public String subjectId() {
            return serial;
        }
    }

    public record UnitScrapped(
            String serial,
            UnitKind kind,
            String buildOrderId,
            @MayBeNull String reason) implements Event {
        public String subjectId() {
            return serial;
        }
    }

    /** product came with schema 3: the model logistics sells it as. */
    public record MachineReadyToShip(
            String serial,
            String buildOrderId,
            @MayBeNull BigDecimal hashrateThs,
            @MayBeNull String product) implements Event {
        public String subjectId() {
            return serial;
        }
    }

    public record ShipmentBooked(
            String shipmentId,
            String customerId,
            @MayBeNull String customerName,
            String destinationCountry,
            String mode,
            @MayBeNull String incoterm,
            List<String> machineSerials)
            implements Event {
        public String subjectId() {
            return shipmentId;
        }
    }

    public record ShipmentMilestoneReached(
            String shipmentId,
            String milestone,
            OffsetDateTime occurredAt,
            @MayBeNull String location) implements Event {
        public String subjectId() {
            return shipmentId;
        }
    }

    /** The shipment passed the export release gate: paid or credit-approved, packed, screened, licensed. */
    public record ShipmentReleased(
            String shipmentId,
            @MayBeNull String orderId,
            String screeningListVersion,
            @MayBeNull String exportLicence,
            List<String> machineSerials)
            implements Event {
        public String subjectId() {
            return shipmentId;
        }
    }

    /** A carrier's new estimate puts a leg's arrival later than planned by more than the threshold. */
    public record ShipmentEtaSlipped(
            String shipmentId, String legId, int leg, OffsetDateTime plannedArrival, OffsetDateTime eta, long slipHours)
            implements Event {
        public String subjectId() {
            return shipmentId;
        }
    }

    /**
     * scope: WAFER_LOT, LOT_BIN, CONTROL_BOARD_LOT, PSU_LOT or FIRMWARE; subject the lot number,
     * supplier lot or firmware; machineSerials the machines that carry it when it was placed (units
     * built later cannot pass QA while it holds).
     */
    public record QualityHoldPlaced(
            String holdId,
            String scope,
            String subject,
            @MayBeNull String bin,
            String reason,
            List<String> machineSerials,
            int boards)
            implements Event {
        public String subjectId() {
            return holdId;
        }
    }

    public record QualityHoldReleased(
            String holdId,
            String scope,
            String subject,
            @MayBeNull String bin,
            String reason) implements Event {
        public String subjectId() {
            return holdId;
        }
    }

    /** A machine came back from the field (RMA) with the failure its owner reported. */
    public record MachineReturned(
            String serial,
            String returnId,
            String reportedFailure,
            @MayBeNull String shipmentId) implements Event {
        public String subjectId() {
            return serial;
        }
    }

    /** Burn-in judged a machine: its grade is the TH/s band and J/TH band it sells in. */
    public record MachineGraded(
            String serial,
            @MayBeNull String product,
            boolean passed,
            BigDecimal hashrateThs,
            BigDecimal efficiencyJth,
            @MayBeNull BigDecimal gradeThs,
            @MayBeNull BigDecimal gradeJth,
            int samples)
            implements Event {
        public String subjectId() {
            return serial;
        }
    }
}
