package org.asicscm.qa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** Genealogy: a hashboard, where and when it was built, and the machine and chain it went into. */
@Entity
@Table(name = "gen_board")
public class TracedBoard {
    @Id
    private String serial;

    @Column(name = "build_order_id")
    private String buildOrderId;

    @Column(name = "chip_model")
    private String chipModel;

    @Column(name = "line_id")
    private String lineId;

    @Column(name = "line_code")
    private String lineCode;

    @Column(name = "factory_id")
    private String factoryId;

    private String shift;

    @Column(name = "assembled_at")
    private OffsetDateTime assembledAt;

    @Column(name = "machine_serial")
    private String machineSerial;

    private Integer chain;

    protected TracedBoard() {}

    public TracedBoard(
            String serial,
            String buildOrderId,
            String chipModel,
            String lineId,
            String lineCode,
            String factoryId,
            String shift,
            OffsetDateTime assembledAt) {
        this.serial = serial;
        this.buildOrderId = buildOrderId;
        this.chipModel = chipModel;
        this.lineId = lineId;
        this.lineCode = lineCode;
        this.factoryId = factoryId;
        this.shift = shift;
        this.assembledAt = assembledAt;
    }

    public void fitInto(String machineSerial, int chain) {
        this.machineSerial = machineSerial;
        this.chain = chain;
    }

    public String serial() {
        return serial;
    }

    public String machineSerial() {
        return machineSerial;
    }

    public String buildOrderId() {
        return buildOrderId;
    }

    public String chipModel() {
        return chipModel;
    }

    public String lineId() {
        return lineId;
    }

    public String lineCode() {
        return lineCode;
    }

    public String factoryId() {
        return factoryId;
    }

    public String shift() {
        return shift;
    }

    public OffsetDateTime assembledAt() {
        return assembledAt;
    }

    public Integer chain() {
        return chain;
    }
}
