package org.asicscm.allocation.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.asicscm.allocation.control.AllocationPolicy;
import org.asicscm.platform.Codes;
import org.asicscm.platform.InvalidInputException;

/** Requests and answers of the allocation API; entities never leave the service. */
public final class AllocationViews {
    private AllocationViews() {}

    static final String CODE = Codes.PATTERN;
    static final Duration SHORTEST_RESERVATION = Duration.ofSeconds(1);
    static final Duration LONGEST_RESERVATION = Duration.ofDays(30);

    /** @return null for a firm allocation */
    static Duration reserveFor(String isoDuration) {
        if (isoDuration == null) {
            return null;
        }
        try {
            Duration duration = Duration.parse(isoDuration);
            if (duration.compareTo(SHORTEST_RESERVATION) >= 0 && duration.compareTo(LONGEST_RESERVATION) <= 0) {
                return duration;
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw new InvalidInputException("reserveFor", "an ISO-8601 duration from PT1S to P30D, such as PT48H");
    }

    static AllocationPolicy policy(String name) {
        try {
            return AllocationPolicy.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("policy", "one of " + java.util.Arrays.toString(AllocationPolicy.values()));
        }
    }

    public record ReasonRequest(@NotBlank @Size(max = 300) String reason) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public ReasonRequest(String reason) {
            this.reason = reason;
        }
    }
}
