package org.asicscm.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;

/** The answers given to requests sent with an idempotency key, kept for {@link IdempotencySweeper#KEPT}. */
final class IdempotentReplies {
    private static final String UNIQUE_VIOLATION = "23505";

    /** What was asked (its fingerprint) and what was answered. */
    record Reply(String fingerprint, int status, String contentType, String location, String body) {}

    private final DataSource dataSource;

    IdempotentReplies(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** SHA-256 of the method, the path with its query and the body: a retry matches, another request does not. */
    static String fingerprint(String method, String pathAndQuery, byte[] body) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update((method + " " + pathAndQuery + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The key as stored: the caller's name and the key, hashed, so that keys of different users never meet. */
    static String ownKey(String user, String key) {
        return fingerprint("KEY", user + "\n" + key, new byte[0]);
    }

    Optional<Reply> find(String key) throws SQLException {
        try (var connection = dataSource.getConnection();
                var select = connection.prepareStatement("select fingerprint, status, content_type, location, body"
                        + " from idempotent_request where idempotency_key = ?")) {
            select.setString(1, key);
            try (var row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Reply(
                        row.getString(1), row.getInt(2), row.getString(3), row.getString(4), row.getString(5)));
            }
        }
    }

    /**
     * Stores the answer in the caller's transaction.
     *
     * @return false if another request stored an answer under the key first
     */
    boolean store(String key, Reply reply, OffsetDateTime at) throws SQLException {
        try (var connection = dataSource.getConnection();
                var insert = connection.prepareStatement("insert into idempotent_request (idempotency_key, fingerprint,"
                        + " status, content_type, location, body, created_at) values (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, key);
            insert.setString(2, reply.fingerprint());
            insert.setInt(3, reply.status());
            insert.setString(4, reply.contentType());
            insert.setString(5, reply.location());
            insert.setString(6, reply.body());
            insert.setTimestamp(7, Timestamp.from(at.toInstant()));
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }
}
