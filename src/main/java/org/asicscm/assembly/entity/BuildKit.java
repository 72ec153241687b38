package org.asicscm.assembly.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.QueryHint;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * Assembly's view of a build order: what to build and the dies allocation has reserved for it,
 * kept up to date from allocation's events.
 */
@Entity
@Table(name = "build_kit")
// the kits' lines in one more query, not one per kit (EclipseLink batch reading)
@NamedQuery(
        name = BuildKit.ALL,
        query = "select k from BuildKit k order by k.priority, k.dueDate, k.orderNumber",
        hints = {
            @QueryHint(name = "eclipselink.batch", value = "k.lines"),
            @QueryHint(name = "eclipselink.batch.type", value = "IN")
        })
@NamedQuery(
        name = BuildKit.BY_IDS,
        query = "select k from BuildKit k where k.buildOrderId in :ids order by k.buildOrderId")
@NamedQuery(name = BuildKit.WITH_LOT, query = "select distinct l.kit from KitLine l where l.lotId = :lotId")
public class BuildKit {
    public static final String ALL = "BuildKit.all";
    public static final String WITH_LOT = "BuildKit.withLot";
    public static final String BY_IDS = "BuildKit.byIds";

    @Id
    @Column(name = "build_order_id")
    private String buildOrderId;

    @Column(name = "order_number")
    private String orderNumber;

    @Column(name = "chip_model")
    private String chipModel;

    @Column(name = "chips_per_board")
    private int chipsPerBoard;

    @Column(name = "boards_per_machine")
    private int boardsPerMachine;

    private int machines;
    private String product;

    @Column(name = "due_date")
    private LocalDate dueDate;

    private int priority;
    private boolean cancelled;

    @Column(name = "planned_end")
    private LocalDate plannedEnd;

    @Column(name = "days_late")
    private int daysLate;

    @Column(name = "unplaced_boards")
    private int unplacedBoards;

    @Column(name = "correlation_id")
    private String correlationId;

    @Column(name = "boards_scrapped")
    private int boardsScrapped;

    @OneToMany(mappedBy = "kit", cascade = CascadeType.PERSIST)
    @OrderBy("allocatedAt")
    private List<KitLine> lines = new ArrayList<>();

    @Version
    private long version;

    protected BuildKit() {}

    public BuildKit(
            String buildOrderId,
            String orderNumber,
            String product,
            String chipModel,
            int chipsPerBoard,
            int boardsPerMachine,
            int machines,
            LocalDate dueDate,
            int priority,
            String correlationId) {
        this.buildOrderId = Objects.requireNonNull(buildOrderId);
        this.orderNumber = orderNumber;
        this.product = product;
        this.chipModel = chipModel;
        this.chipsPerBoard = chipsPerBoard;
        this.boardsPerMachine = boardsPerMachine;
        this.machines = machines;
        this.dueDate = dueDate;
        this.priority = priority;
        this.correlationId = correlationId;
    }

    public void addAllocation(
            String allocationId, String lotId, String lotNumber, String bin, int dies, OffsetDateTime at) {
        if (line(allocationId).isEmpty()) {
            lines.add(new KitLine(this, allocationId, lotId, lotNumber, bin, dies, at));
        }
    }

    public Optional<KitLine> line(String allocationId) {
        return lines.stream().filter(l -> l.allocationId().equals(allocationId)).findFirst();
    }

    public int diesAvailable() {
        return lines.stream().mapToInt(KitLine::remaining).sum();
    }

    public int diesHeld() {
        return lines.stream().mapToInt(KitLine::held).sum();
    }

    /**
     * Boards the dies held by this order can ever make. A board's chips share one voltage domain
     * and run at the worst bin among them, so a board is built from one bin: leftovers of two bins
     * that only together make a board make none.
     */
    public int boardsCovered() {
        int boards = perBin(KitLine::held).values().stream()
                .mapToInt(dies -> dies / chipsPerBoard)
                .sum();
        return Math.min(boards - boardsScrapped, boardsOrdered());
    }

    /**
     * Boards the dies on the floor can still make now: unconsumed dies not on quality hold, one
     * bin a board, up to the boards still to build (a scrapped board is built again).
     */
    public int boardsBuildable() {
        int built = boardsOrdered() - boardsToBuild();
        int boards = diesAvailableByBin().values().stream()
                .mapToInt(dies -> dies / chipsPerBoard)
                .sum();
        return Math.max(0, Math.min(boards, boardsOrdered() - built));
    }

    /** Boards still to build, dies or not: ordered less built (a scrapped board is built again). */
    public int boardsToBuild() {
        int built = lines.stream().mapToInt(KitLine::diesConsumed).sum() / chipsPerBoard - boardsScrapped;
        return Math.max(0, boardsOrdered() - built);
    }

    /** Dies a board can take now, per bin, bins in the order of their oldest allocation. */
    public Map<String, Integer> diesAvailableByBin() {
        return perBin(KitLine::remaining);
    }

    private Map<String, Integer> perBin(ToIntFunction<KitLine> dies) {
        var byBin = new LinkedHashMap<String, Integer>();
        for (KitLine line : lines) {
            byBin.merge(line.bin(), dies.applyAsInt(line), Integer::sum);
        }
        return byBin;
    }

    /** Boards whose dies sit in lots on quality hold. */
    public int boardsOnHold() {
        return lines.stream()
                        .filter(KitLine::onHold)
                        .mapToInt(KitLine::unconsumed)
                        .sum()
                / chipsPerBoard;
    }

    /**
     * Records where the latest plan leaves the order.
     *
     * @return whether its lateness changed, so that it is worth telling
     */
    public boolean recordPlan(LocalDate plannedEnd, int daysLate, int unplacedBoards) {
        boolean changed = this.daysLate != daysLate || this.unplacedBoards != unplacedBoards;
        this.plannedEnd = plannedEnd;
        this.daysLate = daysLate;
        this.unplacedBoards = unplacedBoards;
        return changed;
    }

    /** @return whether any line held dies of the lot */
    public boolean holdLot(String lotId, boolean onHold) {
        boolean any = false;
        for (KitLine line : lines) {
            if (line.lotId().equals(lotId)) {
                line.hold(onHold);
                any = true;
            }
        }
        return any;
    }

    /** QA scrapped one of the order's boards: it needs building again, from replacement dies. */
    public void boardScrapped() {
        boardsScrapped++;
    }

    public int boardsScrapped() {
        return boardsScrapped;
    }

    public void cancel() {
        cancelled = true;
    }

    public boolean cancelled() {
        return cancelled;
    }

    /** The order was cut to fewer machines. */
    public void reduceTo(int fewerMachines) {
        machines = fewerMachines;
    }

    public LocalDate plannedEnd() {
        return plannedEnd;
    }

    public int daysLate() {
        return daysLate;
    }

    public int unplacedBoards() {
        return unplacedBoards;
    }

    public int boardsOrdered() {
        return machines * boardsPerMachine;
    }

    /**
     * Takes one board's dies from a single bin: the bin of the oldest allocation that can fill a
     * board, and within it the oldest allocations first (a board may span lots of one bin).
     *
     * @return the dies taken per kit line, or empty if no bin of the kit covers a whole board
     */
    public Optional<List<Take>> takeBoard() {
        var bin = diesAvailableByBin().entrySet().stream()
                .filter(e -> e.getValue() >= chipsPerBoard)
                .map(Map.Entry::getKey)
                .findFirst();
        if (bin.isEmpty()) {
            return Optional.empty();
        }
        var taken = new ArrayList<Take>();
        int wanted = chipsPerBoard;
        for (KitLine line : lines) {
            if (wanted == 0) {
                break;
            }
            if (!line.bin().equals(bin.get())) {
                continue;
            }
            int got = line.take(wanted);
            if (got > 0) {
                taken.add(new Take(line, got));
                wanted -= got;
            }
        }
        return Optional.of(taken);
    }

    public record Take(KitLine line, int dies) {}

    public String buildOrderId() {
        return buildOrderId;
    }

    public String orderNumber() {
        return orderNumber;
    }

    public String chipModel() {
        return chipModel;
    }

    public int chipsPerBoard() {
        return chipsPerBoard;
    }

    public int boardsPerMachine() {
        return boardsPerMachine;
    }

    public int machines() {
        return machines;
    }

    public String product() {
        return product;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    public int priority() {
        return priority;
    }

    public String correlationId() {
        return correlationId;
    }

    public List<KitLine> lines() {
        return Collections.unmodifiableList(lines);
    }
}
