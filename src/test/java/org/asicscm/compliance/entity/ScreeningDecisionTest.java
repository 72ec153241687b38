package org.asicscm.compliance.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.asicscm.compliance.entity.ScreeningDecision.Hit;
import org.asicscm.compliance.entity.ScreeningDecision.Outcome;
import org.asicscm.compliance.entity.ScreeningDecision.PartyRole;
import org.junit.jupiter.api.Test;

class ScreeningDecisionTest {
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 27, 8, 0, 0, 0, ZoneOffset.UTC);
    private static final BigDecimal THRESHOLD = new BigDecimal("0.900");

    private static ScreeningDecision scoring(String score) {
        return new ScreeningDecision(
                "s-1",
                PartyRole.FORWARDER,
                "Arctic Hash Trading LLC",
                "AE",
                "OFAC-2026-11-20",
                THRESHOLD,
                score == null ? null : new Hit(new BigDecimal(score), "Arctic Hash Trading FZE", 2, "SDN"),
                "lin.wei",
                T0);
    }

    @Test
    void theThresholdItselfIsAPotentialMatchAndJustBelowIsClear() {
        assertEquals(Outcome.POTENTIAL_MATCH, scoring("0.900").outcome());
        assertEquals(Outcome.CLEAR, scoring("0.899").outcome());
        assertEquals(Outcome.CLEAR, scoring(null).outcome(), "nothing on the list shares a key with the name");
    }

    @Test
    void aSecondPersonClearsOrConfirmsAPotentialMatchOnce() {
        var decision = scoring("0.95");
        assertThrows(
                ScreeningDecision.SecondPersonRequired.class,
                () -> decision.review(false, "lin.wei", "not them", T0.plusHours(1)));
        assertEquals(Outcome.POTENTIAL_MATCH, decision.outcome());
        decision.review(false, "zhang.min", "different licence number", T0.plusHours(1));
        assertEquals(Outcome.CLEARED, decision.outcome());
        assertEquals(true, decision.outcome().allowsRelease());
        assertThrows(
                IllegalStateException.class, () -> decision.review(true, "wang.fang", "second look", T0.plusHours(2)));
        var confirmed = scoring("0.99");
        confirmed.review(true, "zhang.min", "same address", T0.plusHours(1));
        assertEquals(false, confirmed.outcome().allowsRelease());
        assertThrows(IllegalStateException.class, () -> scoring("0.5").review(false, "zhang.min", "x", T0));
    }
}
