package org.asicscm.access.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An action that needs a second person: requested by one user, carried out only when another
 * approves it. The database refuses the same user in both places too.
 */
@Entity
@Table(name = "approval")
public class Approval {

    /** What waits for approval, and which roles may approve it. */
    public enum Kind {
        /** Releasing a wafer lot from quality hold. */
        LOT_RELEASE("planner", "qa"),
        /** Correcting a wafer lot's good dies downward. */
        LOT_CORRECTION("planner", "qa"),
        /** Scrapping a whole machine. */
        MACHINE_SCRAP("qa");

        private final List<String> approvers;

        Kind(String... approvers) {
            this.approvers = List.of(approvers);
        }

        public List<String> approvers() {
            return approvers;
        }
    }

    public enum Status {
        PENDING,
        APPROVED,
        REJECTED
    }

    @Id
    private String id;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    @Column(name = "subject_id")
    private String subjectId;

    private String details;
    private String reason;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Column(name = "requested_by")
    private String requestedBy;

    @Column(name = "requested_at")
    private OffsetDateTime requestedAt;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;

    @Column(name = "decision_note")
    private String decisionNote;

    private String result;

    @Version
    private long version;

    protected Approval() {}

    public Approval(Kind kind, String subjectId, String details, String reason, String requestedBy, OffsetDateTime at) {
        this.id = UUID.randomUUID().toString();
        this.kind = Objects.requireNonNull(kind);
        this.subjectId = Objects.requireNonNull(subjectId);
        this.details = Objects.requireNonNull(details);
        this.reason = reason;
        this.status = Status.PENDING;
        this.requestedBy = Objects.requireNonNull(requestedBy);
        this.requestedAt = Objects.requireNonNull(at);
    }

    /** @throws IllegalStateException when it is no longer pending or the approver asked for it */
    public void decide(boolean approved, String by, String note, OffsetDateTime at) {
        if (status != Status.PENDING) {
            throw new IllegalStateException("approval " + id + " is already " + status);
        }
        if (requestedBy.equals(by)) {
            throw new IllegalArgumentException(by + " requested this and cannot also approve it");
        }
        status = approved ? Status.APPROVED : Status.REJECTED;
        decidedBy = by;
        decidedAt = at;
        decisionNote = note;
    }

    public void recordResult(String json) {
        result = json;
    }

    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public String subjectId() {
        return subjectId;
    }

    public String details() {
        return details;
    }

    public String reason() {
        return reason;
    }

    public Status status() {
        return status;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public OffsetDateTime requestedAt() {
        return requestedAt;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public OffsetDateTime decidedAt() {
        return decidedAt;
    }

    public String decisionNote() {
        return decisionNote;
    }

    public String result() {
        return result;
    }
}
