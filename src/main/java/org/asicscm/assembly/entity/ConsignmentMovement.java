package org.asicscm.assembly.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/** Dies sent to a contract factory on consignment, or dies the factory reports scrapped. */
@Entity
@Table(name = "consignment_movement")
@NamedQuery(
        name = ConsignmentMovement.TOTAL,
        query = "select coalesce(sum(m.dies), 0) from ConsignmentMovement m"
                + " where m.factoryId = :factoryId and m.chipModel = :chipModel and m.kind = :kind")
@NamedQuery(
        name = ConsignmentMovement.CHIP_MODELS,
        query = "select distinct m.chipModel from ConsignmentMovement m"
                + " where m.factoryId = :factoryId order by m.chipModel")
public class ConsignmentMovement {
    public static final String TOTAL = "ConsignmentMovement.total";
    public static final String CHIP_MODELS = "ConsignmentMovement.chipModels";

    public enum Kind {
        CONSIGNED,
        SCRAPPED
    }

    @Id
    private String id;

    @Column(name = "factory_id")
    private String factoryId;

    @Column(name = "chip_model")
    private String chipModel;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    private int dies;
    private String reference;

    @Column(name = "recorded_at")
    private OffsetDateTime recordedAt;

    protected ConsignmentMovement() {}

    public ConsignmentMovement(
            Factory factory, String chipModel, Kind kind, int dies, String reference, OffsetDateTime at) {
        if (dies <= 0) {
            throw new IllegalArgumentException("a movement moves a positive number of dies");
        }
        this.id = UUID.randomUUID().toString();
        this.factoryId = factory.id();
        this.chipModel = Objects.requireNonNull(chipModel);
        this.kind = Objects.requireNonNull(kind);
        this.dies = dies;
        this.reference = Objects.requireNonNull(reference);
        this.recordedAt = Objects.requireNonNull(at);
    }

    /** A board QA scrapped: its dies are scrap of the factory that built it, posted once per board. */
    public static ConsignmentMovement boardScrapped(Factory factory, Hashboard board, OffsetDateTime at) {
        var movement = new ConsignmentMovement(
                factory,
                board.chipModel(),
                Kind.SCRAPPED,
                board.dies(),
                "board " + board.serial() + " scrapped in QA",
                at);
        movement.id = "scrap-" + board.serial();
        return movement;
    }

    public String id() {
        return id;
    }

    public String factoryId() {
        return factoryId;
    }

    public String chipModel() {
        return chipModel;
    }

    public Kind kind() {
        return kind;
    }

    public int dies() {
        return dies;
    }

    public String reference() {
        return reference;
    }

    public OffsetDateTime recordedAt() {
        return recordedAt;
    }
}
