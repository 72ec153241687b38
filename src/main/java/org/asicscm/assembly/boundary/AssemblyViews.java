package org.asicscm.assembly.boundary;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.asicscm.assembly.control.CapacityPlan;
import org.asicscm.assembly.control.ConsignmentService;
import org.asicscm.assembly.control.PlanReports;
import org.asicscm.assembly.control.SchedulingService;
import org.asicscm.assembly.entity.AssemblyLine;
import org.asicscm.assembly.entity.BoardDieSource;
import org.asicscm.assembly.entity.BuildKit;
import org.asicscm.assembly.entity.BuildSchedule;
import org.asicscm.assembly.entity.CalendarClosure;
import org.asicscm.assembly.entity.ConsignmentCount;
import org.asicscm.assembly.entity.ConsignmentMovement;
import org.asicscm.assembly.entity.Factory;
import org.asicscm.assembly.entity.Hashboard;
import org.asicscm.assembly.entity.Machine;
import org.asicscm.platform.Codes;

/** Requests and answers of the assembly API. */
public final class AssemblyViews {
    private AssemblyViews() {}

    static final String CODE = Codes.PATTERN;
    static final String SERIAL_RULE =
            "must be a board serial number (letters, digits, '.', '_', '-'; at most " + Codes.MAX_LENGTH + ")";

    /**
     * Where the factory is: by default Bao'an, Shenzhen (subDistrict one of Bao'an's, e.g. XIXIANG);
     * elsewhere give country, city and district (e.g. CN, Dongguan, Chang'an) and, outside the
     * countries with a usual zone, timeZone.
     */
    public record FactoryRequest(
            @NotBlank @Size(max = 20) @Pattern(regexp = CODE)
            String code,

            @NotBlank @Size(max = 120) String name,

            @Size(min = 2, max = 2) @Pattern(regexp = "[A-Za-z]{2}")
            String country,

            @Size(min = 1, max = 60) String city,
            @Size(min = 1, max = 60) String district,
            @Size(min = 1, max = 60) String subDistrict,
            @Size(min = 1, max = 40) String timeZone) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public FactoryRequest(
                String code,
                String name,
                String country,
                String city,
                String district,
                String subDistrict,
                String timeZone) {
            this.code = code;
            this.name = name;
            this.country = country;
            this.city = city;
            this.district = district;
            this.subDistrict = subDistrict;
            this.timeZone = timeZone;
        }
    }

    /** capacityByProduct: boards per shift for each product set up; empty means any product at boardsPerShift. */
    public record LineView(
            String id,
            String factoryId,
            String code,
            int boardsPerShift,
            int shiftsPerDay,
            java.util.Map<String, Integer> capacityByProduct) {
        static LineView of(AssemblyLine l) {
            return new LineView(
                    l.id(),
                    l.factory().id(),
                    l.code(),
                    l.boardsPerShift(),
                    l.shiftsPerDay(),
                    new java.util.TreeMap<>(l.capacityByProduct()));
        }
    }

    public record CapacityRequest(
            @NotBlank @Size(max = 40) String product,
            @NotNull @Min(1) @Max(100_000) Integer boardsPerShift) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public CapacityRequest(String product, Integer boardsPerShift) {
            this.product = product;
            this.boardsPerShift = boardsPerShift;
        }
    }

    /** lineId absent: the whole factory closes (e.g. the Spring Festival); present: that line is down. */
    public record ClosureRequest(
            @Size(max = 36) String lineId,
            @NotNull LocalDate firstDay,
            @NotNull LocalDate lastDay,
            @NotBlank @Size(max = 300) String reason) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public ClosureRequest(String lineId, LocalDate firstDay, LocalDate lastDay, String reason) {
            this.lineId = lineId;
            this.firstDay = firstDay;
            this.lastDay = lastDay;
            this.reason = reason;
        }
    }

    public record ClosureView(
            String id, String factoryId, String lineId, LocalDate firstDay, LocalDate lastDay, String reason) {
        static ClosureView of(CalendarClosure c) {
            return new ClosureView(c.id(), c.factoryId(), c.lineId(), c.firstDay(), c.lastDay(), c.reason());
        }
    }

    /** Where the plan puts an order after a run or a closure. */
    public record PlannedOrderView(
            String buildOrderId,
            String orderNumber,
            int priority,
            LocalDate dueDate,
            int boards,
            int placedBoards,
            int unplacedBoards,
            LocalDate plannedEnd,
            long daysLate,
            boolean late) {
        static PlannedOrderView of(CapacityPlan.Outcome o) {
            var job = o.job();
            return new PlannedOrderView(
                    job.buildOrderId(),
                    job.orderNumber(),
                    job.priority(),
                    job.dueDate(),
                    job.boards(),
                    o.placedBoards(),
                    o.unplacedBoards(),
                    o.plannedEnd(),
                    o.daysLate(),
                    o.late());
        }
    }

    public record ClosureResultView(ClosureView closure, List<PlannedOrderView> rescheduled) {}

    /** kind: CONSIGNED (dies sent to the factory) or SCRAPPED (dies the factory reports lost or damaged). */
    public record MovementRequest(
            @NotBlank @Size(max = 32) String chipModel,

            @NotBlank @Pattern(regexp = "CONSIGNED|SCRAPPED")
            String kind,

            @NotNull @Min(1) @Max(10_000_000) Integer dies,
            @NotBlank @Size(max = 80) String reference) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public MovementRequest(String chipModel, String kind, Integer dies, String reference) {
            this.chipModel = chipModel;
            this.kind = kind;
            this.dies = dies;
            this.reference = reference;
        }
    }

    public record MovementView(
            String id, String chipModel, String kind, int dies, String reference, OffsetDateTime recordedAt) {
        static MovementView of(ConsignmentMovement m) {
            return new MovementView(m.id(), m.chipModel(), m.kind().name(), m.dies(), m.reference(), m.recordedAt());
        }
    }

    public record CountRequest(
            @NotBlank @Size(max = 32) String chipModel,
            @NotNull @Min(0) @Max(100_000_000) Integer diesOnHand,
            @DecimalMin("0") @DecimalMax("100") java.math.BigDecimal tolerancePercent) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public CountRequest(String chipModel, Integer diesOnHand, java.math.BigDecimal tolerancePercent) {
            this.chipModel = chipModel;
            this.diesOnHand = diesOnHand;
            this.tolerancePercent = tolerancePercent;
        }
    }

    public record CountView(
            String chipModel,
            int diesCounted,
            int diesExpected,
            int difference,
            int toleranceDies,
            boolean flagged,
            OffsetDateTime countedAt) {
        static CountView of(ConsignmentCount c) {
            return c == null
                    ? null
                    : new CountView(
                            c.chipModel(),
                            c.diesCounted(),
                            c.diesExpected(),
                            c.difference(),
                            c.toleranceDies(),
                            c.flagged(),
                            c.countedAt());
        }
    }

    public record BalanceView(
            String chipModel, int consigned, int inBoards, int scrapped, int expectedOnHand, CountView latestCount) {
        static BalanceView of(ConsignmentService.Balance b) {
            return new BalanceView(
                    b.chipModel(),
                    b.consigned(),
                    b.inBoards(),
                    b.scrapped(),
                    b.expectedOnHand(),
                    CountView.of(b.latestCount()));
        }
    }

    public record PlanRunRequest(
            LocalDate from,

            @Min(1) @Max(SchedulingService.LONGEST_HORIZON_DAYS)
            Integer horizonDays) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public PlanRunRequest(LocalDate from, Integer horizonDays) {
            this.from = from;
            this.horizonDays = horizonDays;
        }
    }

    public record PlanRunView(
            LocalDate from,
            int horizonDays,
            int orders,
            int lateOrders,
            long elapsedMillis,
            List<PlannedOrderView> plan) {}

    /** today: the factory's own date now, the first day a plan may use there. */
    public record FactoryView(
            String id,
            String code,
            String name,
            String country,
            String city,
            String district,
            String subDistrict,
            String timeZone,
            LocalDate today) {
        static FactoryView of(Factory f, Clock clock) {
            var at = f.location();
            return new FactoryView(
                    f.id(),
                    f.code(),
                    f.name(),
                    at.country(),
                    at.city(),
                    at.district(),
                    at.subDistrict(),
                    at.timeZone().getId(),
                    f.today(clock));
        }
    }

    public record LineRequest(
            @NotBlank @Size(max = 20) @Pattern(regexp = CODE)
            String code,

            @NotNull @Min(1) @Max(100_000) Integer boardsPerShift,
            @NotNull @Min(1) @Max(3) Integer shiftsPerDay) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public LineRequest(String code, Integer boardsPerShift, Integer shiftsPerDay) {
            this.code = code;
            this.boardsPerShift = boardsPerShift;
            this.shiftsPerDay = shiftsPerDay;
        }
    }

    public record KitLineView(
            String allocationId,
            String lotId,
            String lotNumber,
            String bin,
            int dies,
            int diesConsumed,
            boolean released) {}

    /** diesAvailableByBin: a board is built from one bin, so these say which bin can still make one. */
    public record KitView(
            String buildOrderId,
            String orderNumber,
            String chipModel,
            int chipsPerBoard,
            int boardsOrdered,
            int boardsCovered,
            int boardsBuildable,
            int boardsScrapped,
            int diesAvailable,
            Map<String, Integer> diesAvailableByBin,
            List<KitLineView> allocations) {
        static KitView of(BuildKit k) {
            return new KitView(
                    k.buildOrderId(),
                    k.orderNumber(),
                    k.chipModel(),
                    k.chipsPerBoard(),
                    k.boardsOrdered(),
                    k.boardsCovered(),
                    k.boardsBuildable(),
                    k.boardsScrapped(),
                    k.diesAvailable(),
                    k.diesAvailableByBin(),
                    k.lines().stream()
                            .map(l -> new KitLineView(
                                    l.allocationId(),
                                    l.lotId(),
                                    l.lotNumber(),
                                    l.bin(),
                                    l.dies(),
                                    l.diesConsumed(),
                                    l.released()))
                            .toList());
        }
    }

    public record ScheduleRequest(
            @NotBlank @Size(max = 36) String buildOrderId,
            @NotBlank @Size(max = 36) String lineId,
            @NotNull LocalDate startDate) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public ScheduleRequest(String buildOrderId, String lineId, LocalDate startDate) {
            this.buildOrderId = buildOrderId;
            this.lineId = lineId;
            this.startDate = startDate;
        }
    }

    public record ShiftView(LocalDate day, int shift, int boards) {}

    public record ScheduleView(
            String id,
            String buildOrderId,
            String lineId,
            String lineCode,
            String factoryCode,
            int boards,
            LocalDate startDate,
            LocalDate endDate,
            List<ShiftView> shifts) {
        static ScheduleView of(BuildSchedule s) {
            return new ScheduleView(
                    s.id(),
                    s.buildOrderId(),
                    s.line().id(),
                    s.line().code(),
                    s.line().factory().code(),
                    s.boards(),
                    s.startDate(),
                    s.endDate(),
                    s.slots().stream()
                            .map(slot -> new ShiftView(slot.day(), slot.shift(), slot.boards()))
                            .toList());
        }
    }

    public record BoardRequest(
            @NotBlank @Size(max = 40) @Pattern(regexp = CODE)
            String serial,

            @NotBlank @Size(max = 36) String buildOrderId,
            @NotBlank @Size(max = 36) String lineId) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public BoardRequest(String serial, String buildOrderId, String lineId) {
            this.serial = serial;
            this.buildOrderId = buildOrderId;
            this.lineId = lineId;
        }
    }

    /** Boards that left the line together (a tray or panel), recorded all or none. */
    public record TrayRequest(
            @NotBlank @Size(max = 36) String buildOrderId,
            @NotBlank @Size(max = 36) String lineId,
            @NotEmpty @Size(max = 100) List<String> serials) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public TrayRequest(String buildOrderId, String lineId, List<String> serials) {
            this.buildOrderId = buildOrderId;
            this.lineId = lineId;
            this.serials = serials;
        }
    }

    public record DieSourceView(String allocationId, String lotId, String lotNumber, String bin, int dies) {
        static DieSourceView of(BoardDieSource s) {
            return new DieSourceView(s.allocationId(), s.lotId(), s.lotNumber(), s.bin(), s.dies());
        }
    }

    public record BoardView(
            String serial,
            String buildOrderId,
            String lineId,
            String chipModel,
            int dies,
            String status,
            String machineSerial,
            OffsetDateTime assembledAt,
            List<DieSourceView> dieSources) {
        static BoardView of(Hashboard b) {
            return new BoardView(
                    b.serial(),
                    b.buildOrderId(),
                    b.lineId(),
                    b.chipModel(),
                    b.dies(),
                    b.status().name(),
                    b.machineSerial(),
                    b.assembledAt(),
                    b.sources().stream().map(DieSourceView::of).toList());
        }
    }

    public record MachineRequest(
            @NotBlank @Size(max = 40) @Pattern(regexp = CODE)
            String serial,

            @NotBlank @Size(max = 36) String buildOrderId,
            @NotEmpty @Size(max = 10) List<String> boardSerials,

            @NotBlank @Size(max = 40) @Pattern(regexp = CODE)
            String controlBoardSerial,

            @NotBlank @Size(max = 40) @Pattern(regexp = CODE)
            String psuSerial) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public MachineRequest(
                String serial,
                String buildOrderId,
                List<String> boardSerials,
                String controlBoardSerial,
                String psuSerial) {
            this.serial = serial;
            this.buildOrderId = buildOrderId;
            this.boardSerials = boardSerials;
            this.controlBoardSerial = controlBoardSerial;
            this.psuSerial = psuSerial;
        }
    }

    /** A board in a list: without its die sources, which {@code GET hashboards/{serial}} gives. */
    public record BoardSummaryView(
            String serial,
            String buildOrderId,
            String lineId,
            String chipModel,
            int dies,
            String status,
            String machineSerial,
            OffsetDateTime assembledAt) {
        static BoardSummaryView of(Hashboard b) {
            return new BoardSummaryView(
                    b.serial(),
                    b.buildOrderId(),
                    b.lineId(),
                    b.chipModel(),
                    b.dies(),
                    b.status().name(),
                    b.machineSerial(),
                    b.assembledAt());
        }
    }

    /** A machine in a list: without its boards, which {@code GET machines/{serial}} gives. */
    public record MachineSummaryView(
            String serial,
            String buildOrderId,
            String controlBoardSerial,
            String psuSerial,
            String status,
            OffsetDateTime assembledAt) {
        static MachineSummaryView of(Machine m) {
            return new MachineSummaryView(
                    m.serial(),
                    m.buildOrderId(),
                    m.controlBoardSerial(),
                    m.psuSerial(),
                    m.status().name(),
                    m.assembledAt());
        }
    }

    public record MachineView(
            String serial,
            String buildOrderId,
            String controlBoardSerial,
            String psuSerial,
            String status,
            OffsetDateTime assembledAt,
            List<BoardView> boards) {
        static MachineView of(Machine m, List<Hashboard> boards) {
            return new MachineView(
                    m.serial(),
                    m.buildOrderId(),
                    m.controlBoardSerial(),
                    m.psuSerial(),
                    m.status().name(),
                    m.assembledAt(),
                    boards.stream().map(BoardView::of).toList());
        }
    }

    /** A line's day in the plan: boards planned, share of capacity, and for which orders. */
    public record LineDayView(
            String lineId,
            String factoryCode,
            String lineCode,
            LocalDate day,
            boolean open,
            int shifts,
            int boards,
            int percentOfCapacity,
            Map<String, Integer> boardsByOrder,
            List<ShiftLoadView> shiftLoads) {
        static LineDayView of(PlanReports.LineDay d) {
            return new LineDayView(
                    d.lineId(),
                    d.factoryCode(),
                    d.lineCode(),
                    d.day(),
                    d.open(),
                    d.shifts(),
                    d.boards(),
                    d.percentOfCapacity(),
                    d.boardsByOrder(),
                    d.shiftLoads().stream()
                            .map(s -> new ShiftLoadView(s.shift(), s.boards(), s.percentOfCapacity()))
                            .toList());
        }
    }

    /** percentOfCapacity: the orders' shares of the shift's capacity for their products, summed. */
    public record ShiftLoadView(int shift, int boards, int percentOfCapacity) {}

    /** An order the plan cannot deliver as promised, with the reasons in words. */
    public record OrderAtRiskView(
            String buildOrderId,
            String orderNumber,
            int priority,
            LocalDate dueDate,
            LocalDate plannedEnd,
            int daysLate,
            int boardsOrdered,
            int boardsWithoutDies,
            int boardsOnHold,
            int unplacedBoards,
            List<String> reasons) {
        static OrderAtRiskView of(PlanReports.OrderAtRisk o) {
            return new OrderAtRiskView(
                    o.buildOrderId(),
                    o.orderNumber(),
                    o.priority(),
                    o.dueDate(),
                    o.plannedEnd(),
                    o.daysLate(),
                    o.boardsOrdered(),
                    o.boardsWithoutDies(),
                    o.boardsOnHold(),
                    o.unplacedBoards(),
                    o.reasons());
        }
    }
}
