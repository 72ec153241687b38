package org.asicscm.access.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.eclipse.persistence.annotations.ReadOnly;

/** One change a user's request made, as {@code platform.AuditTrail} wrote it; never changed afterwards. */
@Entity
@Table(name = "audit_entry")
@ReadOnly
public class AuditEntry {
    @Id
    private String id;

    private OffsetDateTime at;
    private String actor;
    private String action;
    private String entity;

    @Column(name = "entity_id")
    private String entityId;

    private String changes;

    @Column(name = "correlation_id")
    private String correlationId;

    protected AuditEntry() {}

    public String id() {
        return id;
    }

    public OffsetDateTime at() {
        return at;
    }

    public String actor() {
        return actor;
    }

    public String action() {
        return action;
    }

    public String entity() {
        return entity;
    }

    public String entityId() {
        return entityId;
    }

    public String changes() {
        return changes;
    }

    public String correlationId() {
        return correlationId == null || correlationId.isEmpty() ? null : correlationId;
    }
}
