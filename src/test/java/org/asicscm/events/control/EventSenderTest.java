package org.asicscm.events.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.asicscm.events.EventType;
import org.junit.jupiter.api.Test;

class EventSenderTest {

    @Test
    void oneSendReachesEveryConsumingStageAndTheTopic() {
        assertEquals("scm.allocation,scm.qa,topic://scm.events", EventSender.compositeName(EventType.BOARD_ASSEMBLED));
        assertEquals("scm.assembly,topic://scm.events", EventSender.compositeName(EventType.UNIT_TESTED));
        assertEquals("topic://scm.events", EventSender.compositeName(EventType.LOT_RECEIVED));
    }
}
