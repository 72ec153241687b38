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
@NamedQuery(
        name = DieAllocation.OF_ORDER,
        query = "select a from DieAllocation a where a.buildOrderId = :buildOrderId order by a.allocatedAt")
@NamedQuery(
        name = DieAllocation.OF_LOT,
        query = "select a from DieAllocation a where a.lotBin.lot.id = :lotId order by a.allocatedAt")
@NamedQuery(
        name = DieAllocation.OF_LOT_BIN,
        query = "select a from DieAllocation a where a.lotBin.id = :lotBinId"
                + " and a.status in (org.asicscm.allocation.entity.DieAllocation.Status.RESERVED,"
                + " org.asicscm.allocation.entity.DieAllocation.Status.ACTIVE)")
@NamedQuery(
        name = DieAllocation.OVERDUE,
        query = "select a.id from DieAllocation a"
                + " where a.status = org.asicscm.allocation.entity.DieAllocation.Status.RESERVED and a.expiresAt < :now"
                + " order by a.expiresAt")
public class DieAllocation {
    public static final String OF_ORDER = "DieAllocation.ofOrder";
    public static final String OF_LOT = "DieAllocation.ofLot";
    public static final String OF_LOT_BIN = "DieAllocation.liveOfLotBin";
    public static final String OVERDUE = "DieAllocation.overdue";

    /** RESERVED until confirmed or expired; ACTIVE once confirmed; RELEASED and EXPIRED give the dies back. */
    public enum Status {
        RESERVED,
        ACTIVE,
        RELEASED,
        EXPIRED
    }

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

    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;

    @Version
    private long version;

    protected DieAllocation() {}

    /** @param expiresAt null for a firm allocation, else the time a reservation lapses unless confirmed */
    public DieAllocation(BuildOrder order, LotBin lotBin, int dies, OffsetDateTime at, OffsetDateTime expiresAt) {
        if (dies <= 0) {
            throw new IllegalArgumentException("allocate a positive number of dies");
        }
        if (expiresAt != null && !expiresAt.isAfter(at)) {
            throw new IllegalArgumentException("a reservation expires after it is made");
        }
        this.id = UUID.randomUUID().toString();
        this.buildOrderId = order.id();
        this.lotBin = Objects.requireNonNull(lotBin);
        this.dies = dies;
        this.status = expiresAt == null ? Status.ACTIVE : Status.RESERVED;
        this.allocatedAt = Objects.requireNonNull(at);
        this.expiresAt = expiresAt;
    }

    public void confirm() {
        if (status != Status.RESERVED) {
            throw new IllegalStateException("allocation " + id + " is " + status + ", only a reservation is confirmed");
        }
        status = Status.ACTIVE;
        expiresAt = null;
    }

    /** @return the dies that go back to the lot */
    public int expire(OffsetDateTime at) {
        if (status != Status.RESERVED || !at.isAfter(expiresAt)) {
            throw new IllegalStateException("allocation " + id + " is not an overdue reservation");
        }
        status = Status.EXPIRED;
        releasedAt = at;
        return dies - diesConsumed;
    }

    /**
     * Takes unconsumed dies away (a lot correction, a re-assignment). Taking all of them ends the
     * allocation as released; the dies stay the caller's to hand on.
     */
    public void withdraw(int count, OffsetDateTime at) {
        if (!live() || count <= 0 || count > unconsumed()) {
            throw new IllegalStateException(
                    "allocation " + id + " has " + unconsumed() + " unconsumed dies, " + count + " to withdraw");
        }
        if (count == unconsumed() && diesConsumed == 0) {
            status = Status.RELEASED;
            releasedAt = at;
        } else {
            dies -= count;
        }
    }

    public boolean live() {
        return status == Status.RESERVED || status == Status.ACTIVE;
    }

    public int unconsumed() {
        return live() ? dies - diesConsumed : 0;
    }

    /** Records dies mounted on boards; they can no longer be released. */
    public void consume(int count) {
        if (count <= 0 || diesConsumed + count > dies) {
            throw new IllegalStateException("allocation " + id + " has " + (dies - diesConsumed) + " unconsumed dies, "
                    + count + " reported consumed");
        }
        diesConsumed += count;
    }

    /** @return the dies that go back to the lot */
    public int release(OffsetDateTime at) {
        if (!live()) {
            throw new IllegalStateException(
                    "allocation " + id + " is already " + status.name().toLowerCase());
        }
        status = Status.RELEASED;
        releasedAt = at;
        return dies - diesConsumed;
    }

    /** Dies this allocation still holds for its order: all while active, the consumed ones once released. */
    public int diesHeld() {
        return live() ? dies : diesConsumed;
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

    public OffsetDateTime expiresAt() {
        return expiresAt;
    }
}
