package org.asicscm.assembly.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * A count of consigned dies on hand at a factory, reconciled against what should be there:
 * consigned, less the dies in boards it returned, less the dies it reported scrapped. A
 * difference beyond the tolerance (a share of all dies consigned) is flagged.
 */
@Entity
@Table(name = "consignment_count")
@NamedQuery(
        name = ConsignmentCount.LATEST,
        query = "select c from ConsignmentCount c where c.factoryId = :factoryId"
                + " and c.chipModel = :chipModel order by c.countedAt desc")
public class ConsignmentCount {
    public static final String LATEST = "ConsignmentCount.latest";

    @Id
    private String id;

    @Column(name = "factory_id")
    private String factoryId;

    @Column(name = "chip_model")
    private String chipModel;

    @Column(name = "dies_counted")
    private int diesCounted;

    @Column(name = "dies_expected")
    private int diesExpected;

    private int difference;

    @Column(name = "tolerance_dies")
    private int toleranceDies;

    private boolean flagged;

    @Column(name = "counted_at")
    private OffsetDateTime countedAt;

    protected ConsignmentCount() {}

    /** @param tolerancePercent of the dies consigned, e.g. 0.5 */
    public ConsignmentCount(
            Factory factory,
            String chipModel,
            int diesCounted,
            int consigned,
            int inBoards,
            int scrapped,
            double tolerancePercent,
            OffsetDateTime at) {
        if (diesCounted < 0 || tolerancePercent < 0) {
            throw new IllegalArgumentException("a count and its tolerance are not negative");
        }
        this.id = UUID.randomUUID().toString();
        this.factoryId = factory.id();
        this.chipModel = Objects.requireNonNull(chipModel);
        this.diesCounted = diesCounted;
        this.diesExpected = consigned - inBoards - scrapped;
        this.difference = diesCounted - diesExpected;
        this.toleranceDies = (int) Math.ceil(consigned * tolerancePercent / 100.0);
        this.flagged = Math.abs(difference) > toleranceDies;
        this.countedAt = Objects.requireNonNull(at);
    }

    public String chipModel() {
        return chipModel;
    }

    public int diesCounted() {
        return diesCounted;
    }

    public int diesExpected() {
        return diesExpected;
    }

    /** Counted less expected: negative when dies are missing. */
    public int difference() {
        return difference;
    }

    public int toleranceDies() {
        return toleranceDies;
    }

    public boolean flagged() {
        return flagged;
    }

    public OffsetDateTime countedAt() {
        return countedAt;
    }
}
