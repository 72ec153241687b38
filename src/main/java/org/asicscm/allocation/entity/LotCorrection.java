package org.asicscm.allocation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/** The audit record of one bin's good-die count revised after a retest. */
@Entity
@Table(name = "lot_correction")
@NamedQuery(
        name = LotCorrection.OF_LOT,
        query = "select c from LotCorrection c where c.lotId = :lotId" + " order by c.correctedAt, c.bin")
public class LotCorrection {
    public static final String OF_LOT = "LotCorrection.ofLot";

    @Id
    private String id;

    @Column(name = "lot_id")
    private String lotId;

    private String bin;

    @Column(name = "good_before")
    private int goodBefore;

    @Column(name = "good_after")
    private int goodAfter;

    @Column(name = "dies_withdrawn")
    private int diesWithdrawn;

    private String reason;

    @Column(name = "corrected_at")
    private OffsetDateTime correctedAt;

    protected LotCorrection() {}

    public LotCorrection(LotBin lotBin, int goodBefore, int diesWithdrawn, String reason, OffsetDateTime at) {
        this.id = UUID.randomUUID().toString();
        this.lotId = lotBin.lot().id();
        this.bin = lotBin.bin();
        this.goodBefore = goodBefore;
        this.goodAfter = lotBin.goodDies();
        this.diesWithdrawn = diesWithdrawn;
        this.reason = Objects.requireNonNull(reason);
        this.correctedAt = Objects.requireNonNull(at);
    }

    public String bin() {
        return bin;
    }

    public int goodBefore() {
        return goodBefore;
    }

    public int goodAfter() {
        return goodAfter;
    }

    public int diesWithdrawn() {
        return diesWithdrawn;
    }

    public String reason() {
        return reason;
    }

    public OffsetDateTime correctedAt() {
        return correctedAt;
    }
}
