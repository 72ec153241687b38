package org.asicscm.qa.entity;

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

/** What was decided about a failed unit: rework it or scrap it, and why. */
@Entity
@Table(name = "qa_disposition")
@NamedQuery(
        name = QaDisposition.OF_UNIT,
        query = "select d from QaDisposition d where d.serial = :serial order by d.decidedAt")
public class QaDisposition {
    public static final String OF_UNIT = "QaDisposition.ofUnit";

    public enum Action {
        REWORK,
        /** past the rework limit, to engineering */
        REVIEW,
        SCRAP
    }

    @Id
    private String id;

    private String serial;

    @Enumerated(EnumType.STRING)
    private Action action;

    private String note;

    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;

    protected QaDisposition() {}

    public QaDisposition(String serial, Action action, String note, OffsetDateTime at) {
        this.id = UUID.randomUUID().toString();
        this.serial = Objects.requireNonNull(serial);
        this.action = Objects.requireNonNull(action);
        this.note = Objects.requireNonNull(note);
        this.decidedAt = at;
    }

    public String serial() {
        return serial;
    }

    public Action action() {
        return action;
    }

    public String note() {
        return note;
    }

    public OffsetDateTime decidedAt() {
        return decidedAt;
    }
}
