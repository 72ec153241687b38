package org.asicscm.platform;

import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every error leaves the API as application/problem+json. */
public final class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());
    static final String RETRY_AFTER_SECONDS = "1";
    /** H2 lock timeout (HYT00), PostgreSQL lock_not_available (55P03), deadlocks and serialization failures (40001, 40P01). */
    private static final Set<String> CONTENTION_STATES = Set.of("HYT00", "55P03", "40001", "40P01");

    private ProblemMappers() {}

    static Response toProblem(Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof ConstraintViolationException violations) {
            return invalid(violations);
        }
        if (cause instanceof UnknownEntityException unknown) {
            return Problem.response(
                    404,
                    "not-found",
                    "Not found",
                    unknown.getMessage(),
                    null,
                    Map.of("entity", unknown.entity(), "id", unknown.id()));
        }
        if (cause instanceof StrictJson.BodyTooLarge tooLarge) {
            return Problem.response(413, "body-too-large", "Request body too large", tooLarge.getMessage(), null, null);
        }
        if (cause instanceof StrictJson.BodyRefused refused) {
            String detail = refused.errors().stream()
                    .map(e -> e.field() + " " + e.message())
                    .reduce((a, b) -> a + "; " + b)
                    .orElse("invalid request body");
            return Problem.response(400, "invalid-input", "Invalid input", detail, refused.errors(), null);
        }
        if (cause instanceof InvalidInputException invalid) {
            return Problem.response(
                    400,
                    "invalid-input",
                    "Invalid input",
                    invalid.field() + " " + invalid.getMessage(),
                    List.of(new Problem.FieldError(invalid.field(), invalid.getMessage())),
                    null);
        }
        if (cause instanceof RuleViolationException rule) {
            var extensions = new LinkedHashMap<String, Object>();
            extensions.put("code", rule.code());
            extensions.putAll(rule.details());
            List<Problem.FieldError> errors =
                    rule.field() == null ? null : List.of(new Problem.FieldError(rule.field(), rule.getMessage()));
            return Problem.response(
                    409, rule.code(), "Refused by a business rule", rule.getMessage(), errors, extensions);
        }
        if (cause instanceof OptimisticLockException) {
            return Problem.response(
                    409,
                    "concurrent-update",
                    "Changed concurrently",
                    "someone else changed this record at the same time; read it again and retry",
                    null,
                    null);
        }
        if (cause instanceof JsonbException || cause instanceof ProcessingException) {
            // what JSON-B says names Java types; StrictJson has already said what a client can act on
            LOG.log(Level.FINE, "unreadable body", cause);
            String detail = "the body does not match this request";
            return Problem.response(
                    400,
                    "unreadable-body",
                    "Unreadable request body",
                    detail,
                    List.of(new Problem.FieldError("body", detail)),
                    null);
        }
        if (cause instanceof WebApplicationException web) {
            if (web.getResponse().hasEntity()) {
                return web.getResponse(); // a problem the application built itself (413, say)
            }
            int status = web.getResponse().getStatus();
            String reason = web.getResponse().getStatusInfo().getReasonPhrase();
            List<Problem.FieldError> errors =
                    status == 400 ? List.of(new Problem.FieldError("body", "the request cannot be read")) : null;
            return Problem.response(status, "http-" + status, reason, "HTTP " + status + " " + reason, errors, null);
        }
        if (isUniqueViolation(error)) {
            // two requests created the same thing at once; the second one's insert met the first's row
            return Problem.response(
                    409,
                    "duplicate",
                    "Already exists",
                    "something with the same code or number was created at the same moment; nothing was changed",
                    null,
                    null);
        }
        if (isContention(error)) {
            // someone else held the rows for longer than the lock wait: nothing was written, try again
            LOG.log(
                    Level.INFO,
                    "request (correlation " + Correlation.current() + ") gave up waiting for a lock",
                    error);
            return Response.fromResponse(Problem.response(
                            503,
                            "busy",
                            "Busy",
                            "the records this request needs were locked by other work for too long; nothing was changed,"
                                    + " retry in a moment",
                            null,
                            null))
                    .header("Retry-After", RETRY_AFTER_SECONDS)
                    .build();
        }
        LOG.log(Level.SEVERE, "unexpected failure (correlation " + Correlation.current() + ")", error);
        return Problem.response(500, "internal", "Internal error", "the failure has been logged", null, null);
    }

    /** A unique constraint refused an insert (SQLState 23505 on H2 and PostgreSQL), anywhere in the cause chain. */
    static boolean isUniqueViolation(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** A lock wait that timed out or a deadlock, on H2 or PostgreSQL, anywhere in the cause chain. */
    static boolean isContention(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof LockTimeoutException || t instanceof PessimisticLockException) {
                return true;
            }
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && CONTENTION_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof EJBException || current.getClass().getName().startsWith("jakarta.transaction"))
                && current.getCause() != null) {
            current = current.getCause();
        }
        // JSON-B failures arrive wrapped by the JAX-RS runtime
        if (current instanceof ProcessingException && current.getCause() instanceof JsonbException json) {
            return json;
        }
        return current;
    }

    private static Response invalid(ConstraintViolationException violations) {
        List<Problem.FieldError> errors = violations.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream()
                .map(e -> e.field() + " " + e.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse("invalid request");
        return Problem.response(400, "invalid-input", "Invalid input", detail, errors, null);
    }

    /** The field's path inside the request body ("bins[0].goodDies"), or the parameter's name. */
    static String fieldOf(ConstraintViolation<?> violation) {
        var field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> {
                    continue;
                }
                case PARAMETER -> {
                    parameter = node.getName();
                    continue;
                }
                default -> {}
            }
            // the validator puts an element's index on the node below it
            if (node.isInIterable() && node.getIndex() != null && !field.isEmpty()) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (node.isInIterable() && node.getKey() != null && !field.isEmpty()) {
                field.append('[').append(node.getKey()).append(']');
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT || node.getName() == null) {
                continue;
            }
            if (!field.isEmpty()) {
                field.append('.');
            }
            field.append(node.getName());
        }
        if (!field.isEmpty()) {
            return field.toString();
        }
        return parameter == null ? "body" : parameter;
    }

    @Provider
    public static class ConstraintViolations implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            return toProblem(e);
        }
    }

    @Provider
    public static class Ejb implements ExceptionMapper<EJBException> {
        @Override
        public Response toResponse(EJBException e) {
            return toProblem(e);
        }
    }

    @Provider
    public static class UnknownEntity implements ExceptionMapper<UnknownEntityException> {
        @Override
        public Response toResponse(UnknownEntityException e) {
            return toProblem(e);
        }
    }

    @Provider
    public static class RuleViolation implements ExceptionMapper<RuleViolationException> {
        @Override
        public Response toResponse(RuleViolationException e) {
            return toProblem(e);
        }
    }

    @Provider
    public static class InvalidInput implements ExceptionMapper<InvalidInputException> {
        @Override
        public Response toResponse(InvalidInputException e) {
            return toProblem(e);
        }
    }

    @Provider
    public static class TooLargeBody implements ExceptionMapper<StrictJson.BodyTooLarge> {
        @Override
        public Response toResponse(StrictJson.BodyTooLarge e) {
            return toProblem(e);
        }
    }

    @Provider
    public static class RefusedBody implements ExceptionMapper<StrictJson.BodyRefused> {
        @Override
        public Response toResponse(StrictJson.BodyRefused e) {
            return toProblem(e);
        }
    }

    @Provider
    public static class Json implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException e) {
            return toProblem(e);
        }
    }

    @Provider
    public static class Processing implements ExceptionMapper<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException e) {
            return toProblem(e);
        }
    }

    @Provider
    public static class WebApplication implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            return toProblem(e);
        }
    }

    @Provider
    public static class OptimisticLock implements ExceptionMapper<OptimisticLockException> {
        @Override
        public Response toResponse(OptimisticLockException e) {
            return toProblem(e);
        }
    }

    @Provider
    public static class Persistence implements ExceptionMapper<PersistenceException> {
        @Override
        public Response toResponse(PersistenceException e) {
            return toProblem(e);
        }
    }
}
