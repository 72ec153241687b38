package org.asicscm.qa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * One version of a product's test limits. Versions are never changed: a new one supersedes the
 * last, and every verdict names the version it was judged by.
 */
@Entity
@Table(name = "qa_limit_set")
@NamedQuery(
        name = LimitSet.OF_PRODUCT,
        query = "select l from LimitSet l where l.product = :product order by l.version desc")
public class LimitSet {
    public static final String OF_PRODUCT = "LimitSet.ofProduct";

    @Id
    private String id;

    private String product;
    private int version;

    @Column(name = "chips_per_board")
    private int chipsPerBoard;

    @Column(name = "min_chips_per_chain")
    private int minChipsPerChain;

    @Column(name = "min_chain_hashrate_ghs")
    private BigDecimal minChainHashrateGhs;

    @Column(name = "min_hashrate_ths")
    private BigDecimal minHashrateThs;

    @Column(name = "max_efficiency_jth")
    private BigDecimal maxEfficiencyJth;

    @Column(name = "min_temp_c")
    private BigDecimal minTempC;

    @Column(name = "max_temp_c")
    private BigDecimal maxTempC;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    protected LimitSet() {}

    public LimitSet(
            String product, int version, int chipsPerBoard, Limits limits, String createdBy, OffsetDateTime at) {
        this.id = UUID.randomUUID().toString();
        this.product = Objects.requireNonNull(product);
        this.version = version;
        this.chipsPerBoard = chipsPerBoard;
        this.minChipsPerChain = limits.minChipsPerChain();
        this.minChainHashrateGhs = limits.minChainHashrateGhs();
        this.minHashrateThs = limits.minHashrateThs();
        this.maxEfficiencyJth = limits.maxEfficiencyJth();
        this.minTempC = limits.minTempC();
        this.maxTempC = limits.maxTempC();
        this.createdBy = createdBy;
        this.createdAt = at;
    }

    public Limits limits() {
        return new Limits(minChipsPerChain, minChainHashrateGhs, minHashrateThs, maxEfficiencyJth, minTempC, maxTempC);
    }

    public String id() {
        return id;
    }

    public String product() {
        return product;
    }

    public int version() {
        return version;
    }

    public int chipsPerBoard() {
        return chipsPerBoard;
    }

    public String createdBy() {
        return createdBy;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
