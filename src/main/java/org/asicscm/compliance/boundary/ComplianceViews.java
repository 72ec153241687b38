package org.asicscm.compliance.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.asicscm.compliance.entity.ScreeningDecision;
import org.asicscm.compliance.entity.ScreeningList;

/** What the screening resources take and answer. */
public final class ComplianceViews {

    public record ListView(
            String id,
            String version,
            String fileName,
            String sha256,
            int entries,
            boolean inForce,
            String loadedBy,
            OffsetDateTime loadedAt) {
        public static ListView of(ScreeningList l) {
            return new ListView(
                    l.id(),
                    l.version(),
                    l.fileName(),
                    l.sha256(),
                    l.entries(),
                    l.inForce(),
                    l.loadedBy(),
                    l.loadedAt());
        }
    }

    /** One decision: the party, the list version, the best-scoring listed name, the score and the threshold. */
    public record DecisionView(
            String id,
            String shipmentId,
            String partyRole,
            String partyName,
            String partyCountry,
            String listVersion,
            BigDecimal threshold,
            BigDecimal score,
            String matchedName,
            Integer matchedRow,
            String matchedSource,
            String outcome,
            String screenedBy,
            OffsetDateTime screenedAt,
            String reviewedBy,
            OffsetDateTime reviewedAt,
            String reviewReason) {
        public static DecisionView of(ScreeningDecision d) {
            return new DecisionView(
                    d.id(),
                    d.shipmentId(),
                    d.partyRole().name(),
                    d.partyName(),
                    d.partyCountry(),
                    d.listVersion(),
                    d.threshold(),
                    d.score(),
                    d.matchedName(),
                    d.matchedRow(),
                    d.matchedSource(),
                    d.outcome().name(),
                    d.screenedBy(),
                    d.screenedAt(),
                    d.reviewedBy(),
                    d.reviewedAt(),
                    d.reviewReason());
        }
    }

    /** A reviewer's finding: sameParty true confirms the match (the shipment may not go), false clears it. */
    public record ReviewRequest(
            @NotNull Boolean sameParty,
            @NotBlank @Size(max = 500) String reason) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public ReviewRequest(Boolean sameParty, String reason) {
            this.sameParty = sameParty;
            this.reason = reason;
        }
    }

    private ComplianceViews() {}
}
