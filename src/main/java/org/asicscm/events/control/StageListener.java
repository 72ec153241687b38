package org.asicscm.events.control;

import org.asicscm.events.EventEnvelope;
import org.asicscm.events.Stage;

/**
 * A stage's inbox: what it does with each event it consumes. Called by the stage's consumer
 * inside the transaction that also records the event as applied; throwing refuses the event
 * (the consumer retries it and finally parks it as a dead letter).
 */
public interface StageListener {

    Stage stage();

    void apply(EventEnvelope event);

    /** An event type the stage receives but has no reaction to: a wiring mistake, never retried. */
    class NotConsumedException extends RuntimeException {
        public NotConsumedException(Stage stage, EventEnvelope event) {
            super(stage.consumerName() + " does not consume " + event.type().wireName());
        }
    }
}
