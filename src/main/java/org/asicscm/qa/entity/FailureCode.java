package org.asicscm.qa.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Objects;

/**
 * A failure mode in the catalogue QA keeps as data (seeded with the common ones by migration
 * V14); engineers add codes as new modes appear, and retire them without losing history.
 */
@Entity
@Table(name = "qa_failure_code")
@NamedQuery(name = FailureCode.ALL, query = "select f from FailureCode f order by f.category, f.code")
public class FailureCode {
    public static final String ALL = "FailureCode.all";

    /** Codes the test limits assign themselves; the rest an engineer logs. */
    public static final String ASIC_MISSING = "ASIC_MISSING";

    public static final String OVERHEATING = "OVERHEATING";
    public static final String TEMP_SENSOR_FAULT = "TEMP_SENSOR_FAULT";
    public static final String LOW_HASHRATE = "LOW_HASHRATE";
    public static final String HIGH_POWER = "HIGH_POWER";

    public enum Category {
        CHIPS,
        THERMAL,
        COOLING,
        POWER,
        CONTROL,
        ASSEMBLY,
        PERFORMANCE,
        NETWORK,
        OTHER
    }

    @Id
    private String code;

    @Enumerated(EnumType.STRING)
    private Category category;

    private String description;
    private boolean active;

    protected FailureCode() {}

    public FailureCode(String code, Category category, String description) {
        this.code = Objects.requireNonNull(code);
        this.category = Objects.requireNonNull(category);
        this.description = Objects.requireNonNull(description);
        this.active = true;
    }

    public void change(Category category, String description, boolean active) {
        this.category = Objects.requireNonNull(category);
        this.description = Objects.requireNonNull(description);
        this.active = active;
    }

    public String code() {
        return code;
    }

    public Category category() {
        return category;
    }

    public String description() {
        return description;
    }

    public boolean active() {
        return active;
    }
}
