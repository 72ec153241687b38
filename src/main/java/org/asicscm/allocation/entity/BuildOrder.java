package org.asicscm.allocation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/** An order to build a number of machines of one product, which needs dies of one chip model. */
@Entity
@Table(name = "build_order")
@NamedQuery(name = BuildOrder.BY_NUMBER, query = "select o from BuildOrder o where o.orderNumber = :orderNumber")
@NamedQuery(
        name = BuildOrder.OPEN,
        query = "select o from BuildOrder o where o.status <> :cancelled"
                + " order by o.priority, o.dueDate, o.orderNumber")
public class BuildOrder {
    public static final String BY_NUMBER = "BuildOrder.byNumber";
    public static final String OPEN = "BuildOrder.open";

    public enum Status {
        OPEN,
        SCHEDULED,
        CANCELLED
    }

    @Id
    private String id;

    @Column(name = "order_number")
    private String orderNumber;

    private String product;

    @Column(name = "chip_model")
    private String chipModel;

    @Column(name = "chips_per_board")
    private int chipsPerBoard;

    @Column(name = "boards_per_machine")
    private int boardsPerMachine;

    private int machines;

    @Column(name = "due_date")
    private LocalDate dueDate;
    /** 1 is the most urgent, 9 the least. */
    private int priority;

    @Column(name = "customer_order_ref")
    private String customerOrderRef;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Column(name = "correlation_id")
    private String correlationId;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @Column(name = "boards_scrapped")
    private int boardsScrapped;

    @Column(name = "bom_version")
    private Integer bomVersion;

    @Version
    private long version;

    protected BuildOrder() {}

    /** Takes the product's chip model and board layout as they are today: a later product change does not move it. */
    public BuildOrder(
            String orderNumber,
            Product product,
            int machines,
            LocalDate dueDate,
            int priority,
            String customerOrderRef,
            String correlationId,
            OffsetDateTime createdAt) {
        if (machines <= 0) {
            throw new IllegalArgumentException("an order is for at least one machine");
        }
        if (priority < 1 || priority > 9) {
            throw new IllegalArgumentException("priority runs from 1 (most urgent) to 9");
        }
        this.id = UUID.randomUUID().toString();
        this.orderNumber = Objects.requireNonNull(orderNumber);
        this.product = product.code();
        this.chipModel = product.chipModel();
        this.chipsPerBoard = product.chipsPerBoard();
        this.boardsPerMachine = product.boardsPerMachine();
        this.priority = priority;
        this.machines = machines;
        this.dueDate = Objects.requireNonNull(dueDate);
        this.customerOrderRef = customerOrderRef;
        this.correlationId = Objects.requireNonNull(correlationId);
        this.createdAt = Objects.requireNonNull(createdAt);
        this.status = Status.OPEN;
    }

    /** Dies the whole order needs: machines x boards per machine x chips per board. */
    public int diesRequired() {
        return Math.multiplyExact(Math.multiplyExact(machines, boardsPerMachine), chipsPerBoard);
    }

    /** Boards ordered: machines x boards per machine. */
    public int boardsOrdered() {
        return Math.multiplyExact(machines, boardsPerMachine);
    }

    /**
     * Dies the order may hold: its boards' dies, and a board's worth for each board QA scrapped,
     * up to the allowance.
     */
    public int diesEntitled(int scrapAllowanceBoards) {
        return Math.addExact(
                diesRequired(), Math.multiplyExact(replacementBoards(scrapAllowanceBoards), chipsPerBoard));
    }

    public int replacementBoards(int scrapAllowanceBoards) {
        return Math.min(boardsScrapped, scrapAllowanceBoards);
    }

    public void boardScrapped() {
        boardsScrapped++;
    }

    public int boardsScrapped() {
        return boardsScrapped;
    }

    public void markScheduled() {
        if (status == Status.OPEN) {
            status = Status.SCHEDULED;
        }
    }

    public void cancel() {
        if (status == Status.CANCELLED) {
            throw new IllegalStateException("build order " + orderNumber + " is already cancelled");
        }
        status = Status.CANCELLED;
    }

    /** Fewer machines: the customer cut the order or the rest moved to another order. */
    public void reduceTo(int fewerMachines) {
        if (fewerMachines < 1 || fewerMachines >= machines) {
            throw new IllegalArgumentException(
                    "reduce " + orderNumber + " to between 1 and " + (machines - 1) + " machines");
        }
        machines = fewerMachines;
    }

    public boolean acceptsAllocations() {
        return status != Status.CANCELLED;
    }

    public String id() {
        return id;
    }

    public String orderNumber() {
        return orderNumber;
    }

    public String product() {
        return product;
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

    public LocalDate dueDate() {
        return dueDate;
    }

    public int priority() {
        return priority;
    }

    /** Whether this order comes before the other when dies or line time are handed out. */
    public boolean moreUrgentThan(BuildOrder other) {
        return priority < other.priority;
    }

    public String customerOrderRef() {
        return customerOrderRef;
    }

    public Status status() {
        return status;
    }

    public String correlationId() {
        return correlationId;
    }

    /** Fixes the bill of materials the order is built to: the version in force when it was opened. */
    public void pinBom(int version) {
        if (bomVersion != null) {
            throw new IllegalStateException("order " + orderNumber + " is built to BOM version " + bomVersion);
        }
        this.bomVersion = version;
    }

    public Integer bomVersion() {
        return bomVersion;
    }
}
