package org.asicscm.access.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.asicscm.access.entity.AppUser;
import org.asicscm.platform.InvalidInputException;
import org.asicscm.platform.Roles;
import org.asicscm.platform.RuleViolationException;
import org.asicscm.platform.UnknownEntityException;

/** Users and their role grants, managed by an admin; every change forgets cached sign-ins. */
@Stateless
public class Users {
    public static final String USERNAME_PATTERN = "[a-z][a-z0-9._-]{2,63}";
    public static final int SHORTEST_PASSWORD = 12;
    public static final int LONGEST_PASSWORD = 200;
    private static final Pattern USERNAME = Pattern.compile(USERNAME_PATTERN);

    @PersistenceContext
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash hasher;

    @Inject
    SignIn signIn;

    @Inject
    Clock clock;

    public AppUser create(String username, String displayName, String password, Collection<String> roles, String by) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new InvalidInputException(
                    "username", "must be 3 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter");
        }
        checkPassword("password", password);
        var granted = checkedRoles(roles);
        if (em.find(AppUser.class, username) != null) {
            throw new RuleViolationException("duplicate-user", "username", "user " + username + " already exists");
        }
        var user = new AppUser(
                username, displayName, PasswordHashing.hash(hasher, password.toCharArray()), granted, by, now());
        em.persist(user);
        // a concurrent creation of the same name fails here, inside the request, as a 409
        em.flush();
        return user;
    }

    public AppUser user(String username) {
        AppUser user = em.find(AppUser.class, username);
        if (user == null) {
            throw new UnknownEntityException("user", username);
        }
        return user;
    }

    public AppUser grant(String username, Collection<String> roles, String by) {
        var granted = checkedRoles(roles);
        AppUser user = locked(username);
        if (username.equals(by) && user.roles().contains(Roles.ADMIN) && !granted.contains(Roles.ADMIN)) {
            throw new RuleViolationException(
                    "own-admin-role", "roles", "an admin cannot take the admin role from themselves");
        }
        user.grant(granted);
        signIn.forgetAll();
        return user;
    }

    public AppUser changePassword(String username, String password) {
        checkPassword("password", password);
        AppUser user = locked(username);
        user.changePassword(PasswordHashing.hash(hasher, password.toCharArray()));
        signIn.forgetAll();
        return user;
    }

    public AppUser enable(String username, boolean enabled, String by) {
        if (username.equals(by) && !enabled) {
            throw new RuleViolationException("own-account", "username", "a user cannot disable themselves");
        }
        AppUser user = locked(username);
        user.enable(enabled);
        signIn.forgetAll();
        return user;
    }

    public long count() {
        return em.createNamedQuery(AppUser.COUNT, Long.class).getSingleResult();
    }

    private AppUser locked(String username) {
        AppUser user = em.find(AppUser.class, username, LockModeType.PESSIMISTIC_WRITE);
        if (user == null) {
            throw new UnknownEntityException("user", username);
        }
        return user;
    }

    private static void checkPassword(String field, String password) {
        if (password == null || password.length() < SHORTEST_PASSWORD || password.length() > LONGEST_PASSWORD) {
            throw new InvalidInputException(
                    field, "must be " + SHORTEST_PASSWORD + " to " + LONGEST_PASSWORD + " characters");
        }
    }

    private static List<String> checkedRoles(Collection<String> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new InvalidInputException("roles", "must name at least one of " + Roles.ALL);
        }
        var checked = new LinkedHashSet<String>();
        int i = 0;
        for (String role : roles) {
            if (!Roles.ALL.contains(role)) {
                throw new InvalidInputException("roles[" + i + "]", "must be one of " + Roles.ALL);
            }
            checked.add(role);
            i++;
        }
        return List.copyOf(checked);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
