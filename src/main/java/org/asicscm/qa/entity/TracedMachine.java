package org.asicscm.qa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** Genealogy: a machine, its control board and PSU (by serial and supplier lot), and where it went. */
@Entity
@Table(name = "gen_machine")
public class TracedMachine {
    @Id
    private String serial;

    @Column(name = "build_order_id")
    private String buildOrderId;

    @Column(name = "control_board_serial")
    private String controlBoardSerial;

    @Column(name = "control_board_lot")
    private String controlBoardLot;

    @Column(name = "psu_serial")
    private String psuSerial;

    @Column(name = "psu_lot")
    private String psuLot;

    @Column(name = "assembled_at")
    private OffsetDateTime assembledAt;

    @Column(name = "shipment_id")
    private String shipmentId;

    @Column(name = "customer_id")
    private String customerId;

    @Column(name = "customer_name")
    private String customerName;

    @Column(name = "destination_country")
    private String destinationCountry;

    @Column(name = "shipped_at")
    private OffsetDateTime shippedAt;

    @Column(name = "delivered_at")
    private OffsetDateTime deliveredAt;

    protected TracedMachine() {}

    public TracedMachine(
            String serial,
            String buildOrderId,
            String controlBoardSerial,
            String controlBoardLot,
            String psuSerial,
            String psuLot,
            OffsetDateTime assembledAt) {
        this.serial = serial;
        this.buildOrderId = buildOrderId;
        this.controlBoardSerial = controlBoardSerial;
        this.controlBoardLot = controlBoardLot;
        this.psuSerial = psuSerial;
        this.psuLot = psuLot;
        this.assembledAt = assembledAt;
    }

    public void shipped(String shipmentId, String customerId, String customerName, String country, OffsetDateTime at) {
        this.shipmentId = shipmentId;
        this.customerId = customerId;
        this.customerName = customerName;
        this.destinationCountry = country;
        this.shippedAt = at;
    }

    public void delivered(OffsetDateTime at) {
        this.deliveredAt = at;
    }

    /** The control board swapped in rework: returns the serial that came off. */
    public String swapControlBoard(String serial, String lot) {
        String removed = controlBoardSerial;
        controlBoardSerial = serial;
        controlBoardLot = lot;
        return removed;
    }

    public String swapPsu(String serial, String lot) {
        String removed = psuSerial;
        psuSerial = serial;
        psuLot = lot;
        return removed;
    }

    public String serial() {
        return serial;
    }

    public String shipmentId() {
        return shipmentId;
    }

    public boolean wasShipped() {
        return shipmentId != null;
    }

    public String buildOrderId() {
        return buildOrderId;
    }

    public String controlBoardSerial() {
        return controlBoardSerial;
    }

    public String controlBoardLot() {
        return controlBoardLot;
    }

    public String psuSerial() {
        return psuSerial;
    }

    public String psuLot() {
        return psuLot;
    }

    public OffsetDateTime assembledAt() {
        return assembledAt;
    }

    public String customerId() {
        return customerId;
    }

    public String customerName() {
        return customerName;
    }

    public String destinationCountry() {
        return destinationCountry;
    }

    public OffsetDateTime shippedAt() {
        return shippedAt;
    }

    public OffsetDateTime deliveredAt() {
        return deliveredAt;
    }
}
