package org.asicscm.events.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import org.asicscm.events.Stage;
import org.asicscm.events.control.DeadLetters;
import org.asicscm.events.entity.DeadLetter;
import org.asicscm.platform.InvalidInputException;
import org.asicscm.platform.QueryParams;
import org.asicscm.platform.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Messages a stage could not apply: see them with their last error, replay them after a fix, or discard them. */
@Path("dead-letters")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Event log")
@RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
public class DeadLettersResource {

    @EJB
    DeadLetters deadLetters;

    public record DeadLetterView(
            String id,
            String consumer,
            String eventId,
            String eventType,
            String correlationId,
            String status,
            String error,
            int attempts,
            OffsetDateTime firstFailedAt,
            OffsetDateTime lastFailedAt,
            OffsetDateTime resolvedAt,
            String resolution,
            String message) {
        static DeadLetterView of(DeadLetter d) {
            return new DeadLetterView(
                    d.id(),
                    d.consumer(),
                    d.eventId(),
                    d.eventType(),
                    d.correlationId(),
                    d.status().name(),
                    d.error(),
                    d.attempts(),
                    d.firstFailedAt(),
                    d.lastFailedAt(),
                    d.resolvedAt(),
                    d.resolution(),
                    d.message());
        }
    }

    public record DiscardRequest(@NotBlank @Size(max = 500) String reason) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public DiscardRequest(String reason) {
            this.reason = reason;
        }
    }

    public record ReplayAllResult(int replayed, int stillFailing, List<String> stillFailingIds) {}

    @GET
    @Operation(
            summary = "List dead letters, oldest first",
            description =
                    "status OPEN (default), REPLAYED, DISCARDED or ALL; consumer is a stage (allocation, assembly, qa, shipping)")
    public List<DeadLetterView> list(
            @QueryParam("status") @DefaultValue("OPEN") String status,
            @QueryParam("consumer") String consumer,
            @QueryParam("limit") @DefaultValue("200") String limitText) {
        // checked here, not with constraints: Payara's OpenAPI generator fails on constrained
        // query parameters (payara/Payara#7649); read as text, so a bad number is a 400, not a 404
        int limit = QueryParams.number("limit", limitText, 200, 1, DeadLetters.MAX_LIST);
        if (consumer != null && Stage.byConsumerName(consumer).isEmpty()) {
            throw new InvalidInputException("consumer", "one of allocation, assembly, qa, shipping");
        }
        return deadLetters.list(status(status), consumer, limit).stream()
                .map(DeadLetterView::of)
                .toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One dead letter with the message as it arrived and its last error")
    public DeadLetterView one(@PathParam("id") String id) {
        return DeadLetterView.of(deadLetters.find(id));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Path("{id}/replay")
    @Operation(
            summary = "Apply a dead-lettered event again (after a fix)",
            description = "200 with the letter REPLAYED; 409 replay-failed with the error if it still fails. "
                    + "Safe to repeat: a stage never applies an event twice.")
    public DeadLetterView replay(@PathParam("id") String id) {
        return DeadLetterView.of(deadLetters.replay(id));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Path("replay")
    @Operation(
            summary = "Replay every open dead letter (up to 1,000), oldest first",
            description = "Answers how many were applied and which still fail")
    public ReplayAllResult replayAll() {
        int replayed = 0;
        var failing = new java.util.ArrayList<String>();
        for (DeadLetter letter : deadLetters.list(DeadLetter.Status.OPEN, null, DeadLetters.MAX_LIST)) {
            try {
                deadLetters.replay(letter.id());
                replayed++;
            } catch (RuntimeException e) {
                failing.add(letter.id());
            }
        }
        return new ReplayAllResult(replayed, failing.size(), failing);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Path("{id}/discard")
    @Operation(summary = "Give up on a dead letter, saying why; it stays on record as DISCARDED")
    public DeadLetterView discard(@PathParam("id") String id, @Valid @NotNull DiscardRequest request) {
        return DeadLetterView.of(deadLetters.discard(id, request.reason()));
    }

    private static DeadLetter.Status status(String status) {
        if ("ALL".equals(status)) {
            return null;
        }
        try {
            return DeadLetter.Status.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", "one of OPEN, REPLAYED, DISCARDED, ALL");
        }
    }
}
