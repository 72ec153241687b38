package org.asicscm.compliance.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * The screening of one party of a shipment against one list: the best-scoring listed name, the
 * score and the threshold it was judged by. A potential match holds the shipment until a second
 * person, not the one who screened, clears it or confirms it, with a reason.
 */
@Entity
@Table(name = "screening_decision")
@NamedQuery(
        name = ScreeningDecision.OF_SHIPMENT,
        query = "select d from ScreeningDecision d where d.shipmentId = :shipmentId order by d.screenedAt, d.partyRole")
public class ScreeningDecision {
    public static final String OF_SHIPMENT = "ScreeningDecision.ofShipment";

    public enum PartyRole {
        CUSTOMER,
        CONSIGNEE,
        NOTIFY_PARTY,
        FORWARDER
    }

    public enum Outcome {
        /** nothing on the list scored at or above the threshold */
        CLEAR,
        /** a listed name scored at or above the threshold: held for review */
        POTENTIAL_MATCH,
        /** a reviewer found the party is not the listed one */
        CLEARED,
        /** a reviewer found it is: the shipment may not be released */
        CONFIRMED_MATCH;

        public boolean allowsRelease() {
            return this == CLEAR || this == CLEARED;
        }
    }

    /** The listed name a party scored best against. */
    public record Hit(BigDecimal score, String name, Integer row, String source) {}

    @Id
    private String id;

    @Column(name = "shipment_id")
    private String shipmentId;

    @Enumerated(EnumType.STRING)
    @Column(name = "party_role")
    private PartyRole partyRole;

    @Column(name = "party_name")
    private String partyName;

    @Column(name = "party_country")
    private String partyCountry;

    @Column(name = "list_version")
    private String listVersion;

    private BigDecimal threshold;
    private BigDecimal score;

    @Column(name = "matched_name")
    private String matchedName;

    @Column(name = "matched_row")
    private Integer matchedRow;

    @Column(name = "matched_source")
    private String matchedSource;

    @Enumerated(EnumType.STRING)
    private Outcome outcome;

    @Column(name = "screened_by")
    private String screenedBy;

    @Column(name = "screened_at")
    private OffsetDateTime screenedAt;

    @Column(name = "reviewed_by")
    private String reviewedBy;

    @Column(name = "reviewed_at")
    private OffsetDateTime reviewedAt;

    @Column(name = "review_reason")
    private String reviewReason;

    @Version
    private long version;

    protected ScreeningDecision() {}

    public ScreeningDecision(
            String shipmentId,
            PartyRole partyRole,
            String partyName,
            String partyCountry,
            String listVersion,
            BigDecimal threshold,
            Hit best,
            String screenedBy,
            OffsetDateTime screenedAt) {
        this.id = UUID.randomUUID().toString();
        this.shipmentId = Objects.requireNonNull(shipmentId);
        this.partyRole = Objects.requireNonNull(partyRole);
        this.partyName = Objects.requireNonNull(partyName);
        this.partyCountry = partyCountry;
        this.listVersion = Objects.requireNonNull(listVersion);
        this.threshold = Objects.requireNonNull(threshold);
        if (best != null) {
            this.score = best.score();
            this.matchedName = best.name();
            this.matchedRow = best.row();
            this.matchedSource = best.source();
        }
        this.outcome = best != null && best.score().compareTo(threshold) >= 0 ? Outcome.POTENTIAL_MATCH : Outcome.CLEAR;
        this.screenedBy = Objects.requireNonNull(screenedBy);
        this.screenedAt = Objects.requireNonNull(screenedAt);
    }

    /**
     * A reviewer's finding on a potential match. Refused (IllegalStateException) when there is
     * nothing to review or the reviewer is the one who screened.
     */
    public void review(boolean sameParty, String reviewer, String reason, OffsetDateTime at) {
        if (outcome != Outcome.POTENTIAL_MATCH) {
            throw new IllegalStateException(
                    "decision " + id + " is " + outcome + "; only a potential match is reviewed");
        }
        if (reviewer.equals(screenedBy)) {
            throw new SecondPersonRequired(screenedBy);
        }
        this.outcome = sameParty ? Outcome.CONFIRMED_MATCH : Outcome.CLEARED;
        this.reviewedBy = reviewer;
        this.reviewReason = Objects.requireNonNull(reason);
        this.reviewedAt = at;
    }

    /** The reviewer of a potential match must be another person than the one who screened. */
    public static final class SecondPersonRequired extends IllegalStateException {
        public SecondPersonRequired(String screenedBy) {
            super("the party was screened by " + screenedBy + "; a second person reviews the match");
        }
    }

    public String id() {
        return id;
    }

    public String shipmentId() {
        return shipmentId;
    }

    public PartyRole partyRole() {
        return partyRole;
    }

    public String partyName() {
        return partyName;
    }

    public String partyCountry() {
        return partyCountry;
    }

    public String listVersion() {
        return listVersion;
    }

    public BigDecimal threshold() {
        return threshold;
    }

    public BigDecimal score() {
        return score;
    }

    public String matchedName() {
        return matchedName;
    }

    public Integer matchedRow() {
        return matchedRow;
    }

    public String matchedSource() {
        return matchedSource;
    }

    public Outcome outcome() {
        return outcome;
    }

    public String screenedBy() {
        return screenedBy;
    }

    public OffsetDateTime screenedAt() {
        return screenedAt;
    }

    public String reviewedBy() {
        return reviewedBy;
    }

    public OffsetDateTime reviewedAt() {
        return reviewedAt;
    }

    public String reviewReason() {
        return reviewReason;
    }
}
