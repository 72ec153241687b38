package org.asicscm.qa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/** What was decided about a failed unit: rework it or scrap it, and why. */
@Entity
@Table(name = "qa_disposition")
public class QaDisposition {
    public enum Action { REWORK, SCRAP }

    @Id
    private String id;
    private String serial;
    private String action;
    private String note;
    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;

    protected QaDisposition() {
    }

    public QaDisposition(String serial, Action action, String note, OffsetDateTime at) {
        this.id = UUID.randomUUID().toString();
        this.serial = Objects.requireNonNull(serial);
        this.action = action.name();
        this.note = Objects.requireNonNull(note);
        this.decidedAt = at;
    }
}
