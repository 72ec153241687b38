package org.asicscm.platform;

import jakarta.ejb.ApplicationException;
import java.util.Map;

/**
 * A well-formed request that the domain refuses (not enough dies, a board not yet passed QA,
 * a milestone out of order). Answered 409 with the figures that explain it; rolls back.
 */
@ApplicationException(rollback = true)
public class RuleViolationException extends RuntimeException {
    private final String code;
    private final String field;
    private final Map<String, Object> details;

    public RuleViolationException(String code, String field, String message, Map<String, Object> details) {
        super(message);
        this.code = code;
        this.field = field;
        this.details = details == null ? Map.of() : Map.copyOf(details);
    }

    public RuleViolationException(String code, String field, String message) {
        this(code, field, message, Map.of());
    }

    public String code() {
        return code;
    }

    /** The request field the refusal is about, or null when it concerns the whole request. */
    public String field() {
        return field;
    }

    public Map<String, Object> details() {
        return details;
    }
}
