package org.asicscm.access.control;

import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one set of PBKDF2 parameters: the identity store verifies with them, and {@link Users}
 * hashes new passwords with them. 210,000 rounds of HMAC-SHA-256 (OWASP's figure for PBKDF2 in
 * 2023) cost about a tenth of a second per check, which is why {@link SignIn} keeps a verified
 * credential for a minute.
 */
public final class PasswordHashing {
    // as @DatabaseIdentityStoreDefinition takes them, "name=value"; an annotation needs each as a constant
    public static final String ALGORITHM = "Pbkdf2PasswordHash.Algorithm=PBKDF2WithHmacSHA256";
    public static final String ITERATIONS = "Pbkdf2PasswordHash.Iterations=210000";
    public static final String SALT_BYTES = "Pbkdf2PasswordHash.SaltSizeBytes=32";
    public static final String KEY_BYTES = "Pbkdf2PasswordHash.KeySizeBytes=32";
    static final String[] PARAMETERS = {ALGORITHM, ITERATIONS, SALT_BYTES, KEY_BYTES};

    private PasswordHashing() {}

    static String hash(Pbkdf2PasswordHash hasher, char[] password) {
        hasher.initialize(parameters());
        try {
            return hasher.generate(password);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    static Map<String, String> parameters() {
        return Arrays.stream(PARAMETERS).map(p -> p.split("=", 2)).collect(Collectors.toMap(p -> p[0], p -> p[1]));
    }
}
