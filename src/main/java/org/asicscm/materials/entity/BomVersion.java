package org.asicscm.materials.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A version of a product's bill of materials, in force from its effective date until the next version's. */
@Entity
@Table(name = "bom_version")
@NamedQuery(
        name = BomVersion.OF_PRODUCT,
        query = "select b from BomVersion b where b.product = :product order by b.version")
public class BomVersion {
    public static final String OF_PRODUCT = "BomVersion.ofProduct";

    @Id
    private String id;

    private String product;
    private int version;

    @Column(name = "effective_from")
    private LocalDate effectiveFrom;

    private String note;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "bom_line", joinColumns = @JoinColumn(name = "bom_id"))
    private List<BomLine> lines = new ArrayList<>();

    protected BomVersion() {}

    public BomVersion(
            String product,
            int version,
            LocalDate effectiveFrom,
            String note,
            List<BomLine> lines,
            String createdBy,
            OffsetDateTime createdAt) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a BOM has at least one line");
        }
        this.id = UUID.randomUUID().toString();
        this.product = Objects.requireNonNull(product);
        this.version = version;
        this.effectiveFrom = Objects.requireNonNull(effectiveFrom);
        this.note = note;
        this.lines.addAll(lines);
        this.createdBy = Objects.requireNonNull(createdBy);
        this.createdAt = Objects.requireNonNull(createdAt);
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

    public LocalDate effectiveFrom() {
        return effectiveFrom;
    }

    public String note() {
        return note;
    }

    public String createdBy() {
        return createdBy;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    /** Per hashboard first, then per machine, each by item code: the same order on every database. */
    public List<BomLine> lines() {
        return lines.stream()
                .sorted(Comparator.comparing(BomLine::level).thenComparing(BomLine::itemCode))
                .toList();
    }
}
