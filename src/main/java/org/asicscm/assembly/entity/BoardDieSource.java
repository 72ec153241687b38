package org.asicscm.assembly.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** How many of a board's dies came from which allocation, lot and bin: the traceability link. */
@Embeddable
public class BoardDieSource {
    @Column(name = "allocation_id")
    private String allocationId;

    @Column(name = "lot_id")
    private String lotId;

    @Column(name = "lot_number")
    private String lotNumber;

    private String bin;
    private int dies;

    protected BoardDieSource() {}

    public BoardDieSource(String allocationId, String lotId, String lotNumber, String bin, int dies) {
        this.allocationId = allocationId;
        this.lotId = lotId;
        this.lotNumber = lotNumber;
        this.bin = bin;
        this.dies = dies;
    }

    public String allocationId() {
        return allocationId;
    }

    public String lotId() {
        return lotId;
    }

    public String lotNumber() {
        return lotNumber;
    }

    public String bin() {
        return bin;
    }

    public int dies() {
        return dies;
    }
}
