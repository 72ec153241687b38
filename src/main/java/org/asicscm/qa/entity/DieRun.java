package org.asicscm.qa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * Genealogy: chip positions first..last of a board, filled with dies of one lot and bin. A board
 * is filled from its die sources in order; a chip replaced in rework splits its run, so the runs
 * of a board always say what it carries now.
 */
@Entity
@Table(name = "gen_die_run")
@IdClass(DieRun.Key.class)
@NamedQuery(name = DieRun.OF_BOARD, query = "select r from DieRun r where r.boardSerial = :serial order by r.firstChip")
public class DieRun {
    public static final String OF_BOARD = "DieRun.ofBoard";

    @Id
    @Column(name = "board_serial")
    private String boardSerial;

    @Id
    @Column(name = "first_chip")
    private int firstChip;

    @Column(name = "last_chip")
    private int lastChip;

    @Column(name = "lot_id")
    private String lotId;

    @Column(name = "lot_number")
    private String lotNumber;

    private String bin;

    @Column(name = "rework_id")
    private String reworkId;

    protected DieRun() {}

    public DieRun(
            String boardSerial,
            int firstChip,
            int lastChip,
            String lotId,
            String lotNumber,
            String bin,
            String reworkId) {
        if (firstChip < 0 || lastChip < firstChip) {
            throw new IllegalArgumentException("a run covers positions first..last, first >= 0");
        }
        this.boardSerial = boardSerial;
        this.firstChip = firstChip;
        this.lastChip = lastChip;
        this.lotId = lotId;
        this.lotNumber = lotNumber;
        this.bin = bin;
        this.reworkId = reworkId;
    }

    public boolean covers(int position) {
        return position >= firstChip && position <= lastChip;
    }

    /** Shortens this run to end before the position (only for a run that starts before it). */
    public void endBefore(int position) {
        lastChip = position - 1;
    }

    public String boardSerial() {
        return boardSerial;
    }

    public int firstChip() {
        return firstChip;
    }

    public int lastChip() {
        return lastChip;
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

    public String reworkId() {
        return reworkId;
    }

    public static class Key implements Serializable {
        private String boardSerial;
        private int firstChip;

        public Key() {}

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.firstChip == firstChip && Objects.equals(k.boardSerial, boardSerial);
        }

        @Override
        public int hashCode() {
            return Objects.hash(boardSerial, firstChip);
        }
    }
}
