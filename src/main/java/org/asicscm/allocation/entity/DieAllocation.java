package org.asicscm.allocation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/** Dies of one lot and bin reserved for one build order. */
@Entity
@Table(name = "die_allocation")
@NamedQuery(name = DieAllocation.OF_ORDER,
        query = "select a from DieAllocation a where a.buildOrderId = :buildOrderId order by a.allocatedAt")
@NamedQuery(name = DieAllocation.OF_LOT,
        query = "select a from DieAllocation a where a.lotBin.lot.id = :lotId order by a.allocatedAt")
public class DieAllocation {
    public static final String OF_ORDER = "DieAllocation.ofOrder";
    public static final String OF_LOT = "DieAllocation.ofLot";

    public enum Status { ACTIVE, RELEASED }

    @Id
    private String id;
    @Column(name = "build_order_id")
    private String buildOrderId;
    @ManyToOne(optional = false)
    @JoinColumn(name = "lot_bin_id")
    private LotBin lotBin;
    private int dies;
    @Column(name = "dies_consumed")
    private int diesConsumed;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "allocated_at")
    private OffsetDateTime allocatedAt;
    @Column(name = "released_at")
    private OffsetDateTime releasedAt;
    @Version
    private long version;

    protected DieAllocation() {
    }

    public DieAllocation(BuildOrder order, LotBin lotBin, int dies, OffsetDateTime at) {
        if (dies <= 0) {
            throw new IllegalArgumentException("allocate a positive number of dies");
        }
        this.id = UUID.randomUUID().toString();
        this.buildOrderId = order.id();
        this.lotBin = Objects.requireNonNull(lotBin);
        this.dies = dies;
        this.status = Status.ACTIVE;
        this.allocatedAt = Objects.requireNonNull(at);
    }

    /** Records dies mounted on boards; they can no longer be released. */
    public void consume(int count) {
        if (count <= 0 || diesConsumed + count > dies) {
            throw new IllegalStateException("allocation " + id + " has " + (dies - diesConsumed)
                    + " unconsumed dies, " + count + " reported consumed");
        }
        diesConsumed += count;
    }

    /** @return the dies that go back to the lot */
    public int release(OffsetDateTime at) {
        if (status == Status.RELEASED) {
            throw new IllegalStateException("allocation " + id + " is already released");
        }
        status = Status.RELEASED;
        releasedAt = at;
        return dies - diesConsumed;
    }

    /** Dies this allocation still holds for its order: all while active, the consumed ones once released. */
    public int diesHeld() {
        return status == Status.ACTIVE ? dies : diesConsumed;
    }

    public String id() {
        return id;
    }

    public String buildOrderId() {
        return buildOrderId;
    }

    public LotBin lotBin() {
        return lotBin;
    }

    public int dies() {
        return dies;
    }

    public int diesConsumed() {
        return diesConsumed;
    }

    public Status status() {
        return status;
    }

    public OffsetDateTime allocatedAt() {
        return allocatedAt;
    }

    public OffsetDateTime releasedAt() {
        return releasedAt;
    }
}
