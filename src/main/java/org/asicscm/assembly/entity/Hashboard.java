package org.asicscm.assembly.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** An assembled hashboard: a chain of ASIC dies of one chip model, with a serial number. */
@Entity
@Table(name = "hashboard")
@NamedQuery(
        name = Hashboard.OF_MACHINE,
        query = "select b from Hashboard b where b.machineSerial = :serial order by b.serial")
@NamedQuery(
        name = Hashboard.DIES_AT_FACTORY,
        query = "select coalesce(sum(b.dies), 0) from Hashboard b, AssemblyLine l"
                + " where b.lineId = l.id and l.factory.id = :factoryId and b.chipModel = :chipModel"
                + " and b.status <> org.asicscm.assembly.entity.UnitStatus.SCRAPPED")
public class Hashboard {
    public static final String OF_MACHINE = "Hashboard.ofMachine";
    /** Dies of a chip model in the boards built on a factory's lines, less scrapped boards (posted as scrap). */
    public static final String DIES_AT_FACTORY = "Hashboard.diesAtFactory";

    @Id
    private String serial;

    @Column(name = "build_order_id")
    private String buildOrderId;

    @Column(name = "line_id")
    private String lineId;

    @Column(name = "chip_model")
    private String chipModel;

    private int dies;

    @Enumerated(EnumType.STRING)
    private UnitStatus status;

    @Column(name = "machine_serial")
    private String machineSerial;

    @Column(name = "assembled_at")
    private OffsetDateTime assembledAt;

    @ElementCollection
    @CollectionTable(name = "board_die_source", joinColumns = @JoinColumn(name = "board_serial"))
    private List<BoardDieSource> sources = new ArrayList<>();

    @Version
    private long version;

    protected Hashboard() {}

    public Hashboard(String serial, BuildKit kit, AssemblyLine line, List<BoardDieSource> sources, OffsetDateTime at) {
        int dies = sources.stream().mapToInt(BoardDieSource::dies).sum();
        if (dies != kit.chipsPerBoard()) {
            throw new IllegalArgumentException(
                    "a board of " + kit.orderNumber() + " takes " + kit.chipsPerBoard() + " dies, not " + dies);
        }
        this.serial = Objects.requireNonNull(serial);
        this.buildOrderId = kit.buildOrderId();
        this.lineId = line.id();
        this.chipModel = kit.chipModel();
        this.dies = dies;
        this.sources.addAll(sources);
        this.status = UnitStatus.AWAITING_QA;
        this.assembledAt = at;
    }

    /** @return whether the board's status changed */
    public boolean qaVerdict(UnitStatus verdict) {
        if (status == UnitStatus.INSTALLED || status == UnitStatus.SCRAPPED) {
            return false; // a late verdict cannot pull a board back out of a machine or the scrap bin
        }
        boolean changed = status != verdict;
        status = verdict;
        return changed;
    }

    public void installIn(String machineSerial) {
        if (status != UnitStatus.PASSED) {
            throw new IllegalStateException(
                    "board " + serial + " is " + status + ", only a PASSED board can be installed");
        }
        this.machineSerial = machineSerial;
        this.status = UnitStatus.INSTALLED;
    }

    public String serial() {
        return serial;
    }

    public String buildOrderId() {
        return buildOrderId;
    }

    public String lineId() {
        return lineId;
    }

    public String chipModel() {
        return chipModel;
    }

    public int dies() {
        return dies;
    }

    public UnitStatus status() {
        return status;
    }

    public String machineSerial() {
        return machineSerial;
    }

    public OffsetDateTime assembledAt() {
        return assembledAt;
    }

    public List<BoardDieSource> sources() {
        return Collections.unmodifiableList(sources);
    }
}
