package org.asicscm.assembly.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/** A what-if as the planner asked it (its changes as JSON), and who applied it, once. */
@Entity
@Table(name = "plan_scenario")
public class PlanScenario {
    @Id
    private String id;

    private String name;

    /** the scenario's changes, as asked: applying it makes exactly what was compared */
    private String body;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @Column(name = "applied_by")
    private String appliedBy;

    @Column(name = "applied_at")
    private OffsetDateTime appliedAt;

    @Version
    private long version;

    protected PlanScenario() {}

    public PlanScenario(String name, String body, String createdBy, OffsetDateTime at) {
        this.id = UUID.randomUUID().toString();
        this.name = Objects.requireNonNull(name);
        this.body = Objects.requireNonNull(body);
        this.createdBy = Objects.requireNonNull(createdBy);
        this.createdAt = Objects.requireNonNull(at);
    }

    public boolean applied() {
        return appliedAt != null;
    }

    public void applied(String by, OffsetDateTime at) {
        if (applied()) {
            throw new IllegalStateException("scenario " + name + " was applied on " + appliedAt);
        }
        appliedBy = Objects.requireNonNull(by);
        appliedAt = Objects.requireNonNull(at);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String body() {
        return body;
    }

    public String createdBy() {
        return createdBy;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public String appliedBy() {
        return appliedBy;
    }

    public OffsetDateTime appliedAt() {
        return appliedAt;
    }
}
