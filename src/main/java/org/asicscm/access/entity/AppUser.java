package org.asicscm.access.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** Someone who may sign in, with the roles they hold. The password is kept only as its hash. */
@Entity
@Table(name = "app_user")
@NamedQuery(name = AppUser.COUNT, query = "select count(u) from AppUser u")
public class AppUser {
    public static final String COUNT = "AppUser.count";

    @Id
    private String username;

    @Column(name = "display_name")
    private String displayName;

    @Column(name = "password_hash")
    private String passwordHash;

    private boolean enabled;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @Column(name = "created_by")
    private String createdBy;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "username"))
    @Column(name = "role")
    private Set<String> roles = new TreeSet<>();

    @Version
    private long version;

    protected AppUser() {}

    public AppUser(
            String username,
            String displayName,
            String passwordHash,
            Collection<String> roles,
            String createdBy,
            OffsetDateTime createdAt) {
        this.username = Objects.requireNonNull(username);
        this.displayName = displayName;
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.roles = new TreeSet<>(roles);
        this.enabled = true;
        this.createdBy = Objects.requireNonNull(createdBy);
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    public void grant(Collection<String> newRoles) {
        roles.clear();
        roles.addAll(newRoles);
    }

    public void changePassword(String newHash) {
        passwordHash = Objects.requireNonNull(newHash);
    }

    public void enable(boolean on) {
        enabled = on;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public Set<String> roles() {
        return Set.copyOf(roles);
    }

    public boolean enabled() {
        return enabled;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }
}
