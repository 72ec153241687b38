package org.asicscm.assembly.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Assembly's view of a build order: what to build and the dies allocation has reserved for it,
 * kept up to date from allocation's events.
 */
@Entity
@Table(name = "build_kit")
public class BuildKit {
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
    @Column(name = "correlation_id")
    private String correlationId;
    @OneToMany(mappedBy = "kit", cascade = CascadeType.PERSIST)
    @OrderBy("allocatedAt")
    private List<KitLine> lines = new ArrayList<>();
    @Version
    private long version;

    protected BuildKit() {
    }

    public BuildKit(String buildOrderId, String orderNumber, String product, String chipModel, int chipsPerBoard,
                    int boardsPerMachine, int machines, LocalDate dueDate, int priority, String correlationId) {
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

    public void addAllocation(String allocationId, String lotId, String lotNumber, String bin, int dies,
                              OffsetDateTime at) {
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

    /** Boards the dies held by this order can ever make. */
    public int boardsCovered() {
        return Math.min(diesHeld() / chipsPerBoard, boardsOrdered());
    }

    public int boardsOrdered() {
        return machines * boardsPerMachine;
    }

    /**
     * Takes one board's dies, oldest allocation first.
     *
     * @return the dies taken per kit line, or empty if the kit cannot cover a whole board
     */
    public Optional<List<Take>> takeBoard() {
        if (diesAvailable() < chipsPerBoard) {
            return Optional.empty();
        }
        var taken = new ArrayList<Take>();
        int wanted = chipsPerBoard;
        for (KitLine line : lines) {
            if (wanted == 0) {
                break;
            }
            int got = line.take(wanted);
            if (got > 0) {
                taken.add(new Take(line, got));
                wanted -= got;
            }
        }
        return Optional.of(taken);
    }

    public record Take(KitLine line, int dies) {
    }

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
