package org.asicscm.access.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.asicscm.platform.DataSources;
import org.asicscm.platform.Problem;

/**
 * Who is calling. The API signs in with HTTP Basic on every request; the web pages sign in once
 * ({@code POST /api/session}) and then carry the session cookie, and a page's changing request
 * must also carry {@value #PAGE_HEADER} (a header another site's page cannot send, so a forged
 * form post is refused). Users, their password hashes and roles live in the application's
 * database ({@link Users}).
 *
 * <p>A password check costs PBKDF2's 210,000 rounds, far more than the request itself, so a
 * verified user name and password are remembered for {@link #REMEMBERED} (by a SHA-256 of the
 * two, never the password itself); any change to a user forgets them all on this instance.
 */
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = DataSources.SCM,
        callerQuery = "select password_hash from app_user where username = ? and enabled = true",
        groupsQuery = "select role from app_user_role where username = ?",
        hashAlgorithm = Pbkdf2PasswordHash.class,
        hashAlgorithmParameters = {
            PasswordHashing.ALGORITHM,
            PasswordHashing.ITERATIONS,
            PasswordHashing.SALT_BYTES,
            PasswordHashing.KEY_BYTES
        })
@ApplicationScoped
public class SignIn implements HttpAuthenticationMechanism {
    public static final String PAGE_HEADER = "X-Requested-By";
    static final String SESSION_CALLER = "asic-scm.caller";
    static final Duration REMEMBERED = Duration.ofSeconds(60);
    private static final int MOST_REMEMBERED = 10_000;

    /** A signed-in caller as a session keeps it. */
    public record Caller(String name, Set<String> roles) implements java.io.Serializable {}

    private record Verified(Caller caller, Instant until) {}

    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    @Inject
    IdentityStoreHandler identities;

    @Inject
    Clock clock;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                return refuse(response, "only HTTP Basic authentication is accepted here");
            }
            String[] nameAndPassword = decode(authorization.substring(6).trim());
            if (nameAndPassword == null) {
                return refuse(response, "the Authorization header is not user:password in Base64");
            }
            Caller caller = verify(nameAndPassword[0], nameAndPassword[1]);
            if (caller == null) {
                return refuse(response, "unknown user or wrong password");
            }
            return context.notifyContainerAboutLogin(caller.name(), caller.roles());
        }
        var session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_CALLER) instanceof Caller caller) {
            boolean changing = !Set.of("GET", "HEAD", "OPTIONS").contains(request.getMethod());
            if (changing && request.getHeader(PAGE_HEADER) == null) {
                return refuse(response, "a signed-in page must send the " + PAGE_HEADER + " header with a change");
            }
            return context.notifyContainerAboutLogin(caller.name(), caller.roles());
        }
        return context.doNothing();
    }

    /** The caller, if the name and password are right; checked against the store at most once a minute. */
    public Caller verify(String name, String password) {
        String key = fingerprint(name, password);
        Instant now = clock.instant();
        Verified known = verified.get(key);
        if (known != null && known.until().isAfter(now)) {
            return known.caller();
        }
        CredentialValidationResult result = identities.validate(new UsernamePasswordCredential(name, password));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            verified.remove(key);
            return null;
        }
        var caller = new Caller(result.getCallerPrincipal().getName(), Set.copyOf(result.getCallerGroups()));
        if (verified.size() >= MOST_REMEMBERED) {
            verified.clear();
        }
        verified.put(key, new Verified(caller, now.plus(REMEMBERED)));
        return caller;
    }

    /** After a password, role or account change: every caller is checked against the store again. */
    public void forgetAll() {
        verified.clear();
    }

    /** Signs a page's session in as the caller, under a new session id (no fixation). */
    public void signInSession(HttpServletRequest request, Caller caller) {
        var old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        request.getSession(true).setAttribute(SESSION_CALLER, caller);
    }

    private static String[] decode(String encoded) {
        try {
            String text = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = text.indexOf(':');
            return colon < 1 ? null : new String[] {text.substring(0, colon), text.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String fingerprint(String name, String password) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 401 as problem+json, with the challenge a client needs to know what to send. */
    static AuthenticationStatus refuse(HttpServletResponse response, String detail) {
        response.setHeader("WWW-Authenticate", org.asicscm.platform.RoleCheck.CHALLENGE);
        try {
            Problem.write(response, 401, "unauthenticated", "Sign-in required", detail, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
