package org.asicscm.compliance.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/** One restricted-party list as loaded from its file; the one in force is what parties are screened against. */
@Entity
@Table(name = "screening_list")
@NamedQuery(name = ScreeningList.IN_FORCE, query = "select l from ScreeningList l where l.inForce = true")
@NamedQuery(name = ScreeningList.ALL, query = "select l from ScreeningList l order by l.loadedAt desc")
public class ScreeningList {
    public static final String IN_FORCE = "ScreeningList.inForce";
    public static final String ALL = "ScreeningList.all";

    @Id
    private String id;

    private String version;

    @Column(name = "file_name")
    private String fileName;

    private String sha256;
    private int entries;

    @Column(name = "in_force")
    private boolean inForce;

    @Column(name = "loaded_by")
    private String loadedBy;

    @Column(name = "loaded_at")
    private OffsetDateTime loadedAt;

    protected ScreeningList() {}

    public ScreeningList(
            String version, String fileName, String sha256, int entries, String loadedBy, OffsetDateTime loadedAt) {
        this.id = UUID.randomUUID().toString();
        this.version = Objects.requireNonNull(version);
        this.fileName = Objects.requireNonNull(fileName);
        this.sha256 = Objects.requireNonNull(sha256);
        this.entries = entries;
        this.loadedBy = Objects.requireNonNull(loadedBy);
        this.loadedAt = Objects.requireNonNull(loadedAt);
        this.inForce = true;
    }

    /** A newer list took its place; decisions made on it still name it. */
    public void supersede() {
        inForce = false;
    }

    public String id() {
        return id;
    }

    public String version() {
        return version;
    }

    public String fileName() {
        return fileName;
    }

    public String sha256() {
        return sha256;
    }

    public int entries() {
        return entries;
    }

    public boolean inForce() {
        return inForce;
    }

    public String loadedBy() {
        return loadedBy;
    }

    public OffsetDateTime loadedAt() {
        return loadedAt;
    }
}
