package org.asicscm.access.control;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import org.asicscm.access.entity.Approval;
import org.asicscm.platform.RuleViolationException;
import org.asicscm.platform.UnknownEntityException;

/**
 * Four eyes: an action the business wants a second person to see is requested by one user and
 * carried out only when a different user, in a role that may approve it, approves it. The stage
 * that owns the action carries it out on {@link Granted}, in the approver's transaction, so the
 * approval and its effect commit together.
 */
@Stateless
public class Approvals {

    /** Fired in the approver's transaction; the owning stage carries the action out and says what came of it. */
    public static final class Granted {
        private final Approval approval;
        private String result;

        Granted(Approval approval) {
            this.approval = approval;
        }

        public Approval approval() {
            return approval;
        }

        /** The action's answer as JSON, shown with the approval. */
        public void done(String json) {
            result = json;
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<Granted> granted;

    @Inject
    Clock clock;

    public Approval request(Approval.Kind kind, String subjectId, String details, String reason, String by) {
        long pending = em.createQuery(
                        "select count(a) from Approval a where a.kind = :kind and a.subjectId = :subject"
                                + " and a.status = org.asicscm.access.entity.Approval.Status.PENDING",
                        Long.class)
                .setParameter("kind", kind)
                .setParameter("subject", subjectId)
                .getSingleResult();
        if (pending > 0) {
            throw new RuleViolationException(
                    "approval-pending", null, "a " + kind + " of " + subjectId + " is already waiting for approval");
        }
        var approval = new Approval(kind, subjectId, details, reason, by, now());
        em.persist(approval);
        return approval;
    }

    public Approval approve(String id, String by, Collection<String> byRoles, String note) {
        Approval approval = locked(id);
        if (approval.kind().approvers().stream().noneMatch(byRoles::contains)) {
            throw new RuleViolationException(
                    "not-an-approver",
                    null,
                    approval.kind() + " is approved by a user in one of the roles "
                            + approval.kind().approvers());
        }
        decide(approval, true, by, note);
        var grant = new Granted(approval);
        granted.fire(grant);
        if (grant.result == null) {
            throw new IllegalStateException("no stage carried out " + approval.kind());
        }
        approval.recordResult(grant.result);
        return approval;
    }

    public Approval reject(String id, String by, String note) {
        Approval approval = locked(id);
        decide(approval, false, by, note);
        return approval;
    }

    public Approval approval(String id) {
        Approval approval = em.find(Approval.class, id);
        if (approval == null) {
            throw new UnknownEntityException("approval", id);
        }
        return approval;
    }

    private void decide(Approval approval, boolean approve, String by, String note) {
        try {
            approval.decide(approve, by, note, now());
        } catch (IllegalArgumentException samePerson) {
            throw new RuleViolationException("same-person", null, samePerson.getMessage());
        } catch (IllegalStateException decided) {
            throw new RuleViolationException("not-pending", null, decided.getMessage());
        }
    }

    private Approval locked(String id) {
        Approval approval = em.find(Approval.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (approval == null) {
            throw new UnknownEntityException("approval", id);
        }
        return approval;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
