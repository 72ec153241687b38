package org.asicscm.materials.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Objects;

/** A purchased part: its code, what it is, its unit of measure, and whether it is received by supplier lot. */
@Entity
@Table(name = "item")
public class Item {
    public enum Kind {
        PCB,
        HEAT_SINK,
        CONNECTOR,
        CONTROL_BOARD,
        PSU,
        FAN,
        CHASSIS,
        CABLE,
        PACKAGING,
        OTHER
    }

    /** Units of measure: each, metre, kilogram, set. */
    public enum Uom {
        EA,
        M,
        KG,
        SET
    }

    @Id
    private String code;

    private String description;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    @Enumerated(EnumType.STRING)
    private Uom uom;

    /** received by supplier lot, and the lot recorded where it is built in (control boards, PSUs) */
    @Column(name = "lot_tracked")
    private boolean lotTracked;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @Version
    private long version;

    protected Item() {}

    public Item(String code, String description, Kind kind, Uom uom, boolean lotTracked, OffsetDateTime createdAt) {
        this.code = Objects.requireNonNull(code);
        this.description = Objects.requireNonNull(description);
        this.kind = Objects.requireNonNull(kind);
        this.uom = Objects.requireNonNull(uom);
        this.lotTracked = lotTracked;
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    public String code() {
        return code;
    }

    public String description() {
        return description;
    }

    public Kind kind() {
        return kind;
    }

    public Uom uom() {
        return uom;
    }

    public boolean lotTracked() {
        return lotTracked;
    }
}
