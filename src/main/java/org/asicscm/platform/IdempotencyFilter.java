package org.asicscm.platform;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A POST sent with an {@value #HEADER} header takes effect once. The request runs in one
 * transaction that also stores its answer under the key, so the effect and the stored answer
 * commit together: a retry with the same key and body gets the first answer again, without
 * running again; the same key with another request is refused 409. Answers other than 2xx
 * changed nothing and are not kept, so a request refused or timed out can be retried with its key.
 *
 * <p>Two requests with one key at the same moment both run; the later one to store its answer
 * finds the key taken, rolls its own effect back and answers with the first one's answer.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class IdempotencyFilter extends HttpFilter {
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");
    private static final Logger LOG = Logger.getLogger(IdempotencyFilter.class.getName());

    @Resource
    UserTransaction transaction;

    @Resource(lookup = DataSources.SCM)
    DataSource dataSource;

    @Inject
    Clock clock;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String key = request.getHeader(HEADER);
        if (key == null || !"POST".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        if (!VALID_KEY.matcher(key).matches()) {
            Problem.write(
                    response,
                    400,
                    "invalid-input",
                    "Invalid input",
                    HEADER + " must be 1 to 255 visible ASCII characters",
                    HEADER);
            return;
        }
        // a key is the caller's own: another user sending the same key neither sees nor blocks the answer
        key = IdempotentReplies.ownKey(
                request.getUserPrincipal() == null
                        ? ""
                        : request.getUserPrincipal().getName(),
                key);
        var body = new RepeatableBody(request);
        var replies = new IdempotentReplies(dataSource);
        String fingerprint = IdempotentReplies.fingerprint(request.getMethod(), pathAndQuery(request), body.bytes());
        try {
            Optional<IdempotentReplies.Reply> earlier = replies.find(key);
            if (earlier.isPresent()) {
                answer(response, earlier.get(), fingerprint);
                return;
            }
            run(key, fingerprint, body, response, chain, replies);
        } catch (SQLException e) {
            throw new ServletException("idempotency store: " + e.getMessage(), e);
        }
    }

    private void run(
            String key,
            String fingerprint,
            RepeatableBody body,
            HttpServletResponse response,
            FilterChain chain,
            IdempotentReplies replies)
            throws IOException, ServletException, SQLException {
        var captured = new CapturedResponse(response);
        begin();
        try {
            chain.doFilter(body, captured);
            int status = captured.getStatus();
            if (status < 200 || status >= 300) {
                // a refusal changed nothing; if a twin of this request got in first, its answer is the one
                rollbackQuietly();
                Optional<IdempotentReplies.Reply> first = replies.find(key);
                if (first.isPresent()) {
                    answer(response, first.get(), fingerprint);
                } else {
                    captured.sendTo(response);
                }
                return;
            }
            if (transaction.getStatus() != Status.STATUS_ACTIVE) {
                throw new IllegalStateException(
                        "the transaction was marked for rollback under a " + status + " answer");
            }
            var reply = new IdempotentReplies.Reply(
                    fingerprint, status, captured.getContentType(), captured.getHeader("Location"), captured.text());
            if (!replies.store(key, reply, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))) {
                // a twin stored its answer first: undo this one's effect and give the twin's answer
                rollbackQuietly();
                answer(response, replies.find(key).orElseThrow(), fingerprint);
                return;
            }
            transaction.commit();
        } catch (IOException | ServletException e) {
            rollbackQuietly();
            throw e;
        } catch (Exception e) {
            rollbackQuietly();
            LOG.log(
                    Level.WARNING,
                    "request with " + HEADER + " " + key + " (correlation " + body.getHeader(Correlation.HEADER)
                            + ") did not commit",
                    e);
            response.setHeader("Retry-After", "1");
            Problem.write(
                    response,
                    503,
                    "not-committed",
                    "Not committed",
                    "the request could not be committed; nothing changed, retry it with the same key",
                    null);
            return;
        }
        captured.sendTo(response);
    }

    private void begin() throws ServletException {
        try {
            transaction.begin();
        } catch (Exception e) {
            throw new ServletException("cannot begin a transaction: " + e.getMessage(), e);
        }
    }

    private void rollbackQuietly() {
        try {
            if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transaction.rollback();
            }
        } catch (IllegalStateException | SecurityException | SystemException e) {
            LOG.log(Level.WARNING, "rollback failed", e);
        }
    }

    private static void answer(HttpServletResponse response, IdempotentReplies.Reply reply, String fingerprint)
            throws IOException {
        if (!reply.fingerprint().equals(fingerprint)) {
            Problem.write(
                    response,
                    409,
                    "idempotency-key-reused",
                    "Idempotency key reused",
                    "this " + HEADER + " was used for another request (method, path or body differ)",
                    HEADER);
            return;
        }
        response.setStatus(reply.status());
        response.setHeader(REPLAYED, "true");
        if (reply.contentType() != null) {
            response.setContentType(reply.contentType());
        }
        if (reply.location() != null) {
            response.setHeader("Location", reply.location());
        }
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static String pathAndQuery(HttpServletRequest request) {
        return request.getQueryString() == null
                ? request.getRequestURI()
                : request.getRequestURI() + "?" + request.getQueryString();
    }
}
