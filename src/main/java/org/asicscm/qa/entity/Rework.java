package org.asicscm.qa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One thing done to a unit in a rework loop, and which part replaced which. */
@Entity
@Table(name = "qa_rework")
@NamedQuery(name = Rework.OF_UNIT, query = "select r from Rework r where r.serial = :serial order by r.doneAt, r.id")
public class Rework {
    public static final String OF_UNIT = "Rework.ofUnit";

    public enum Action {
        /** a chip at a position swapped for a die from a named lot and bin */
        CHIP_REPLACED,
        REFLOW,
        CONTROL_BOARD_SWAP,
        PSU_SWAP,
        FAN_SWAP,
        OTHER
    }

    @Id
    private String id;

    private String serial;

    @Column(name = "loop_number")
    private int loop;

    @Enumerated(EnumType.STRING)
    private Action action;

    private Integer chain;

    @Column(name = "chip_index")
    private Integer chipIndex;

    /** what came off: the lot/bin of a replaced chip, or the serial of a swapped part */
    @Column(name = "removed_part")
    private String removedPart;

    @Column(name = "new_part_serial")
    private String newPartSerial;

    @Column(name = "new_part_lot")
    private String newPartLot;

    @Column(name = "new_die_lot")
    private String newDieLot;

    @Column(name = "new_die_bin")
    private String newDieBin;

    private String note;

    @Column(name = "done_by")
    private String doneBy;

    @Column(name = "done_at")
    private OffsetDateTime doneAt;

    protected Rework() {}

    public Rework(String id, String serial, int loop, Step step, String removedPart, String doneBy, OffsetDateTime at) {
        this.id = id;
        this.serial = serial;
        this.loop = loop;
        this.action = step.action();
        this.chain = step.chain();
        this.chipIndex = step.chipIndex();
        this.removedPart = removedPart;
        this.newPartSerial = step.newPartSerial();
        this.newPartLot = step.newPartLot();
        this.newDieLot = step.newDieLot();
        this.newDieBin = step.newDieBin();
        this.note = step.note();
        this.doneBy = doneBy;
        this.doneAt = at;
    }

    /** What the rework bench says it did, before it is recorded. */
    public record Step(
            Action action,
            Integer chain,
            Integer chipIndex,
            String newPartSerial,
            String newPartLot,
            String newDieLot,
            String newDieBin,
            String note) {}

    public Step step() {
        return new Step(action, chain, chipIndex, newPartSerial, newPartLot, newDieLot, newDieBin, note);
    }

    public String id() {
        return id;
    }

    public String serial() {
        return serial;
    }

    public int loop() {
        return loop;
    }

    public String removedPart() {
        return removedPart;
    }

    public String doneBy() {
        return doneBy;
    }

    public OffsetDateTime doneAt() {
        return doneAt;
    }
}
