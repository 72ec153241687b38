package org.asicscm.compliance.control;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.asicscm.compliance.entity.ListedParty;
import org.asicscm.compliance.entity.ScreeningDecision;
import org.asicscm.compliance.entity.ScreeningDecision.Hit;
import org.asicscm.compliance.entity.ScreeningDecision.PartyRole;
import org.asicscm.compliance.entity.ScreeningList;
import org.asicscm.platform.RuleViolationException;
import org.asicscm.platform.UnknownEntityException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Restricted-party screening of a shipment's parties against the list in force, and the review
 * of potential matches by a second person. Every decision is kept.
 */
@Stateless
public class Screening {

    /** A party of a shipment, as screened: its role, name and country. */
    public record Party(PartyRole role, String name, String country) {}

    @PersistenceContext
    EntityManager em;

    @EJB
    ScreeningLists lists;

    @EJB
    ScreeningIndex index;

    @Inject
    Clock clock;

    /** The score (0 to 1) at and above which a listed name is a potential match. */
    @Inject
    @ConfigProperty(name = "scm.compliance.screening.threshold", defaultValue = "0.90")
    BigDecimal threshold;

    /** Screens each party against the list in force; answers the decisions, one per party. */
    public List<ScreeningDecision> screen(String shipmentId, List<Party> parties, String actor) {
        ScreeningList list = lists.inForce()
                .orElseThrow(() -> new RuleViolationException(
                        "no-screening-list", "shipment", "no restricted-party list is loaded; load one first"));
        var indexed = index.of(list);
        var decisions = new ArrayList<ScreeningDecision>();
        for (Party party : parties) {
            NameMatcher.Match match = indexed.matcher().best(party.name());
            Hit hit = null;
            if (match != null) {
                ListedParty row = indexed.rows().get(match.entry());
                hit = new Hit(
                        BigDecimal.valueOf(match.score()).setScale(3, RoundingMode.HALF_UP),
                        match.listedName(),
                        row.rowNumber(),
                        row.listSource());
            }
            var decision = new ScreeningDecision(
                    shipmentId,
                    party.role(),
                    party.name(),
                    party.country(),
                    list.version(),
                    threshold,
                    hit,
                    actor,
                    now());
            em.persist(decision);
            decisions.add(decision);
        }
        return decisions;
    }

    /** A second person's finding on a potential match: the party is the listed one, or is not. */
    public ScreeningDecision review(String decisionId, boolean sameParty, String reason, String actor) {
        ScreeningDecision decision = em.find(ScreeningDecision.class, decisionId, LockModeType.PESSIMISTIC_WRITE);
        if (decision == null) {
            throw new UnknownEntityException("screening decision", decisionId);
        }
        try {
            decision.review(sameParty, actor, reason, now());
        } catch (ScreeningDecision.SecondPersonRequired e) {
            throw new RuleViolationException("second-person-required", "decision", e.getMessage());
        } catch (IllegalStateException e) {
            throw new RuleViolationException(
                    "nothing-to-review",
                    "decision",
                    e.getMessage(),
                    Map.of("outcome", decision.outcome().name()));
        }
        return decision;
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public ScreeningDecision decision(String id) {
        ScreeningDecision decision = em.find(ScreeningDecision.class, id);
        if (decision == null) {
            throw new UnknownEntityException("screening decision", id);
        }
        return decision;
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<ScreeningDecision> of(String shipmentId) {
        return em.createNamedQuery(ScreeningDecision.OF_SHIPMENT, ScreeningDecision.class)
                .setParameter("shipmentId", shipmentId)
                .getResultList();
    }

    /**
     * Why the parties do not pass, for the release gate: per party, the latest decision on its
     * name must be on the list in force and be clear (or cleared). Empty when they all pass.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<PartyRole, String> blocking(String shipmentId, List<Party> parties) {
        var latest = new LinkedHashMap<String, ScreeningDecision>();
        for (ScreeningDecision d : of(shipmentId)) {
            latest.put(d.partyRole() + "|" + d.partyName(), d);
        }
        String inForce = lists.inForce().map(ScreeningList::version).orElse(null);
        var blocking = new LinkedHashMap<PartyRole, String>();
        for (Party party : parties) {
            ScreeningDecision d = latest.get(party.role() + "|" + party.name());
            if (d == null) {
                blocking.put(party.role(), "not screened");
            } else if (!d.listVersion().equals(inForce)) {
                blocking.put(
                        party.role(),
                        "screened against list " + d.listVersion() + ", not the one in force (" + inForce + ")");
            } else if (!d.outcome().allowsRelease()) {
                blocking.put(party.role(), d.outcome() + " (decision " + d.id() + ")");
            }
        }
        return blocking;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
