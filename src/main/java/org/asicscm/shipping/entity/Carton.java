package org.asicscm.shipping.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A carton of a shipment: the serials in it (one machine, or several small units), its weights and size, its pallet. */
@Entity
@Table(name = "carton")
@NamedQuery(
        name = Carton.OF_SHIPMENT,
        query = "select c from Carton c where c.shipmentId = :shipmentId order by c.number")
public class Carton {
    public static final String OF_SHIPMENT = "Carton.ofShipment";

    /** Weights in kg and size in cm. */
    public record Measure(BigDecimal grossKg, BigDecimal netKg, int lengthCm, int widthCm, int heightCm) {
        public Measure {
            if (grossKg.signum() <= 0 || netKg.signum() <= 0 || lengthCm <= 0 || widthCm <= 0 || heightCm <= 0) {
                throw new IllegalArgumentException("weights and sizes are positive");
            }
            if (netKg.compareTo(grossKg) > 0) {
                throw new IllegalArgumentException("net weight exceeds gross weight");
            }
        }
    }

    @Id
    private String id;

    @Column(name = "shipment_id")
    private String shipmentId;

    private int number;
    private String pallet;

    @Column(name = "gross_kg")
    private BigDecimal grossKg;

    @Column(name = "net_kg")
    private BigDecimal netKg;

    @Column(name = "length_cm")
    private int lengthCm;

    @Column(name = "width_cm")
    private int widthCm;

    @Column(name = "height_cm")
    private int heightCm;

    @Column(name = "packed_by")
    private String packedBy;

    @Column(name = "packed_at")
    private OffsetDateTime packedAt;

    @ElementCollection
    @CollectionTable(name = "carton_item", joinColumns = @JoinColumn(name = "carton_id"))
    @Column(name = "serial")
    @OrderBy
    private List<String> serials = new ArrayList<>();

    protected Carton() {}

    public Carton(
            String shipmentId,
            int number,
            String pallet,
            Measure measure,
            List<String> serials,
            String packedBy,
            OffsetDateTime packedAt) {
        if (serials.isEmpty()) {
            throw new IllegalArgumentException("a carton holds at least one serial");
        }
        this.id = UUID.randomUUID().toString();
        this.shipmentId = Objects.requireNonNull(shipmentId);
        this.number = number;
        this.pallet = pallet;
        this.grossKg = measure.grossKg();
        this.netKg = measure.netKg();
        this.lengthCm = measure.lengthCm();
        this.widthCm = measure.widthCm();
        this.heightCm = measure.heightCm();
        this.serials.addAll(serials);
        this.packedBy = Objects.requireNonNull(packedBy);
        this.packedAt = Objects.requireNonNull(packedAt);
    }

    public String id() {
        return id;
    }

    public String shipmentId() {
        return shipmentId;
    }

    public int number() {
        return number;
    }

    public String pallet() {
        return pallet;
    }

    public BigDecimal grossKg() {
        return grossKg;
    }

    public BigDecimal netKg() {
        return netKg;
    }

    public int lengthCm() {
        return lengthCm;
    }

    public int widthCm() {
        return widthCm;
    }

    public int heightCm() {
        return heightCm;
    }

    public String packedBy() {
        return packedBy;
    }

    public OffsetDateTime packedAt() {
        return packedAt;
    }

    public List<String> serials() {
        return Collections.unmodifiableList(serials);
    }
}
