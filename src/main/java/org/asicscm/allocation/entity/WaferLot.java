package org.asicscm.allocation.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** A lot of wafers from the foundry, its good dies sorted into bins. */
@Entity
@Table(name = "wafer_lot")
@NamedQuery(name = WaferLot.BY_NUMBER, query = "select l from WaferLot l where l.lotNumber = :lotNumber")
@NamedQuery(
        name = WaferLot.WITH_FREE_DIES,
        query = "select l from WaferLot l where l.chipModel = :chipModel"
                + " and exists (select b.id from LotBin b where b.lot = l and b.bin in :bins and b.goodDies > b.allocatedDies)"
                + " order by l.id")
public class WaferLot {
    /** Lots of a chip model with free dies in some of the bins, in the fixed order planners lock them in. */
    public static final String WITH_FREE_DIES = "WaferLot.withFreeDies";

    public static final String BY_NUMBER = "WaferLot.byNumber";

    @Id
    private String id;

    @Column(name = "lot_number")
    private String lotNumber;

    @Column(name = "chip_model")
    private String chipModel;

    @Column(name = "wafer_count")
    private int waferCount;

    @Column(name = "received_at")
    private OffsetDateTime receivedAt;

    @Column(name = "correlation_id")
    private String correlationId;

    @Column(name = "on_hold")
    private boolean onHold;

    @OneToMany(mappedBy = "lot", cascade = CascadeType.PERSIST)
    @OrderBy("bin")
    private List<LotBin> bins = new ArrayList<>();

    @Version
    private long version;

    protected WaferLot() {}

    /** @param goodDiesByBin good dies per bin name, at least one bin */
    public WaferLot(
            String lotNumber,
            ChipModel chipModel,
            int waferCount,
            Map<String, Integer> goodDiesByBin,
            OffsetDateTime receivedAt,
            String correlationId) {
        if (waferCount <= 0) {
            throw new IllegalArgumentException("a lot has at least one wafer");
        }
        if (goodDiesByBin.isEmpty()) {
            throw new IllegalArgumentException("a lot has at least one bin");
        }
        this.id = UUID.randomUUID().toString();
        this.lotNumber = Objects.requireNonNull(lotNumber);
        this.chipModel = chipModel.code();
        this.waferCount = waferCount;
        this.receivedAt = Objects.requireNonNull(receivedAt);
        this.correlationId = Objects.requireNonNull(correlationId);
        goodDiesByBin.forEach((bin, dies) -> bins.add(new LotBin(this, bin, dies)));
    }

    /** Quality hold: no die of the lot may be allocated until it is released. */
    public void hold() {
        if (onHold) {
            throw new IllegalStateException("lot " + lotNumber + " is already on hold");
        }
        onHold = true;
    }

    public void release() {
        if (!onHold) {
            throw new IllegalStateException("lot " + lotNumber + " is not on hold");
        }
        onHold = false;
    }

    public boolean onHold() {
        return onHold;
    }

    public Optional<LotBin> bin(String name) {
        return bins.stream().filter(b -> b.bin().equals(name)).findFirst();
    }

    public int goodDies() {
        return bins.stream().mapToInt(LotBin::goodDies).sum();
    }

    public String id() {
        return id;
    }

    public String lotNumber() {
        return lotNumber;
    }

    public String chipModel() {
        return chipModel;
    }

    public int waferCount() {
        return waferCount;
    }

    public OffsetDateTime receivedAt() {
        return receivedAt;
    }

    public String correlationId() {
        return correlationId;
    }

    public List<LotBin> bins() {
        return Collections.unmodifiableList(bins);
    }
}
