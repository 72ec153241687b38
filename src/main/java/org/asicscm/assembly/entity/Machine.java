package org.asicscm.assembly.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Objects;

/** A complete miner: hashboards, a control board, a PSU, fans and a chassis. */
@Entity
@Table(name = "machine")
public class Machine {
    @Id
    private String serial;

    @Column(name = "build_order_id")
    private String buildOrderId;

    @Column(name = "control_board_serial")
    private String controlBoardSerial;

    @Column(name = "psu_serial")
    private String psuSerial;

    @Enumerated(EnumType.STRING)
    private UnitStatus status;

    @Column(name = "assembled_at")
    private OffsetDateTime assembledAt;

    @Version
    private long version;

    protected Machine() {}

    public Machine(String serial, String buildOrderId, String controlBoardSerial, String psuSerial, OffsetDateTime at) {
        this.serial = Objects.requireNonNull(serial);
        this.buildOrderId = Objects.requireNonNull(buildOrderId);
        this.controlBoardSerial = Objects.requireNonNull(controlBoardSerial);
        this.psuSerial = Objects.requireNonNull(psuSerial);
        this.status = UnitStatus.AWAITING_QA;
        this.assembledAt = at;
    }

    public void qaVerdict(UnitStatus verdict) {
        if (status != UnitStatus.SCRAPPED) {
            status = verdict;
        }
    }

    public String serial() {
        return serial;
    }

    public String buildOrderId() {
        return buildOrderId;
    }

    public String controlBoardSerial() {
        return controlBoardSerial;
    }

    public String psuSerial() {
        return psuSerial;
    }

    public UnitStatus status() {
        return status;
    }

    public OffsetDateTime assembledAt() {
        return assembledAt;
    }
}
