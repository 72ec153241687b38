package org.asicscm.assembly.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Objects;

/** Dies of one allocation (one lot and bin) available to a build order on the floor. */
@Entity
@Table(name = "kit_line")
public class KitLine {
    @Id
    @Column(name = "allocation_id")
    private String allocationId;

    @ManyToOne(optional = false)
    @JoinColumn(name = "build_order_id")
    private BuildKit kit;

    @Column(name = "lot_id")
    private String lotId;

    @Column(name = "lot_number")
    private String lotNumber;

    private String bin;
    private int dies;

    @Column(name = "dies_consumed")
    private int diesConsumed;

    private boolean released;
    /** Dies of a lot on quality hold: still the order's, but no board may use them until release. */
    @Column(name = "on_hold")
    private boolean onHold;

    @Column(name = "allocated_at")
    private OffsetDateTime allocatedAt;

    @Version
    private long version;

    protected KitLine() {}

    KitLine(
            BuildKit kit,
            String allocationId,
            String lotId,
            String lotNumber,
            String bin,
            int dies,
            OffsetDateTime allocatedAt) {
        this.kit = Objects.requireNonNull(kit);
        this.allocationId = Objects.requireNonNull(allocationId);
        this.lotId = lotId;
        this.lotNumber = lotNumber;
        this.bin = bin;
        this.dies = dies;
        this.allocatedAt = allocatedAt;
    }

    /** Dies a board can take now. */
    public int remaining() {
        return onHold ? 0 : unconsumed();
    }

    public int unconsumed() {
        return released ? 0 : dies - diesConsumed;
    }

    void hold(boolean onHold) {
        this.onHold = onHold;
    }

    public boolean onHold() {
        return onHold;
    }

    /** Dies still held for the order: all of them, or the consumed ones once released. */
    public int held() {
        return released ? diesConsumed : dies;
    }

    int take(int wanted) {
        int taken = Math.min(wanted, remaining());
        diesConsumed += taken;
        return taken;
    }

    public void release() {
        released = true;
    }

    /**
     * Dies taken back by allocation (a lot correction or a re-assignment). A board may have used
     * some of them before the news arrived; those stay on the board, the rest leave the kit.
     *
     * @return the dies actually withdrawn
     */
    public int withdraw(int count) {
        int withdrawn = Math.min(count, unconsumed());
        dies -= withdrawn;
        if (dies == diesConsumed && diesConsumed == 0) {
            // nothing left and nothing used: keep the line's history, but it holds no dies
            dies = withdrawn;
            released = true;
        }
        return withdrawn;
    }

    public String allocationId() {
        return allocationId;
    }

    public String lotId() {
        return lotId;
    }

    public String lotNumber() {
        return lotNumber;
    }

    public String bin() {
        return bin;
    }

    public int dies() {
        return dies;
    }

    public int diesConsumed() {
        return diesConsumed;
    }

    public boolean released() {
        return released;
    }

    public OffsetDateTime allocatedAt() {
        return allocatedAt;
    }
}
