package org.asicscm.shipping.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/** A pallet of a shipment: its code (what the cartons on it name), its tare weight and its size when loaded. */
@Entity
@Table(name = "pallet")
@NamedQuery(
        name = Pallet.OF_SHIPMENT,
        query = "select p from Pallet p where p.shipmentId = :shipmentId order by p.code")
public class Pallet {
    public static final String OF_SHIPMENT = "Pallet.ofShipment";

    @Id
    private String id;

    @Column(name = "shipment_id")
    private String shipmentId;

    private String code;

    @Column(name = "tare_kg")
    private BigDecimal tareKg;

    @Column(name = "length_cm")
    private int lengthCm;

    @Column(name = "width_cm")
    private int widthCm;

    @Column(name = "height_cm")
    private int heightCm;

    protected Pallet() {}

    public Pallet(String shipmentId, String code, BigDecimal tareKg, int lengthCm, int widthCm, int heightCm) {
        if (tareKg.signum() <= 0 || lengthCm <= 0 || widthCm <= 0 || heightCm <= 0) {
            throw new IllegalArgumentException("weights and sizes are positive");
        }
        this.id = UUID.randomUUID().toString();
        this.shipmentId = Objects.requireNonNull(shipmentId);
        this.code = Objects.requireNonNull(code);
        this.tareKg = tareKg;
        this.lengthCm = lengthCm;
        this.widthCm = widthCm;
        this.heightCm = heightCm;
    }

    public String id() {
        return id;
    }

    public String code() {
        return code;
    }

    public BigDecimal tareKg() {
        return tareKg;
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
}
