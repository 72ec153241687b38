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
public class BuildOrder {
    public static final String BY_NUMBER = "BuildOrder.byNumber";

    public enum Status { OPEN, SCHEDULED, CANCELLED }

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
    @Column(name = "customer_order_ref")
    private String customerOrderRef;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "correlation_id")
    private String correlationId;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Version
    private long version;

    protected BuildOrder() {
    }

    public BuildOrder(String orderNumber, String product, ChipModel chipModel, int chipsPerBoard,
                      int boardsPerMachine, int machines, LocalDate dueDate, String customerOrderRef,
                      String correlationId, OffsetDateTime createdAt) {
        if (chipsPerBoard <= 0 || boardsPerMachine <= 0 || machines <= 0) {
            throw new IllegalArgumentException("chips per board, boards per machine and machines must be positive");
        }
        this.id = UUID.randomUUID().toString();
        this.orderNumber = Objects.requireNonNull(orderNumber);
        this.product = Objects.requireNonNull(product);
        this.chipModel = chipModel.code();
        this.chipsPerBoard = chipsPerBoard;
        this.boardsPerMachine = boardsPerMachine;
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

    public void markScheduled() {
        if (status == Status.OPEN) {
            status = Status.SCHEDULED;
        }
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

    public String customerOrderRef() {
        return customerOrderRef;
    }

    public Status status() {
        return status;
    }

    public String correlationId() {
        return correlationId;
    }
}
