package org.asicscm.compliance.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Known-answer screening cases, judged at the default threshold of 0.90. */
class NameMatcherTest {
    static final double THRESHOLD = 0.90;

    final NameMatcher list = new NameMatcher(List.of(
            new NameMatcher.Listed(0, List.of("Sergei Petrovich IVANOV", "Sergey Ivanov")),
            new NameMatcher.Listed(1, List.of("Arctic Hash Trading FZE")),
            new NameMatcher.Listed(2, List.of("Volga Compute Limited", "Волга Компьют")),
            new NameMatcher.Listed(3, List.of("Novak Logistika d.o.o.")),
            new NameMatcher.Listed(4, List.of("YAKOVLEV"))));

    @Test
    void namesAreComparedWithoutLegalFormsPunctuationAccentsOrOrder() {
        assertArrayEquals(new String[] {"hash", "trading"}, PartyNames.tokens("Hash-Trading, LLC"));
        assertArrayEquals(new String[] {"logistika", "novak"}, PartyNames.tokens("Novák Logistika d.o.o."));
        assertArrayEquals(new String[] {"ivanov", "sergey"}, PartyNames.tokens("ООО Сергей Иванов"));
        assertArrayEquals(new String[0], PartyNames.tokens("LLC Ltd."));
    }

    @Test
    void anExactNameMatchesWhateverItsLegalForm() {
        var match = list.best("ARCTIC HASH TRADING LLC");
        assertEquals(1, match.entry());
        assertEquals(1.0, match.score(), 1e-9);
    }

    @Test
    void aCyrillicNameMatchesItsLatinListing() {
        var match = list.best("Иванов Сергей Петрович");
        assertEquals(0, match.entry());
        assertTrue(match.score() >= THRESHOLD, "score " + match.score());
        // and the other way round: a Latin party against a name listed in Cyrillic
        var volga = list.best("Volga Kompyut");
        assertEquals(2, volga.entry());
        assertTrue(volga.score() >= THRESHOLD, "score " + volga.score());
    }

    @Test
    void reorderedTokensMatchFully() {
        var match = list.best("Ivanov, Sergei Petrovich");
        assertEquals(0, match.entry());
        assertEquals(1.0, match.score(), 1e-9);
    }

    @Test
    void spellingVariantsOfOneCyrillicNameMatch() {
        // a plural and another legal form are still the listed company
        var volga = list.best("Volga Computers Ltd");
        assertEquals(2, volga.entry());
        assertTrue(volga.score() >= THRESHOLD, "score " + volga.score());
        // Polish and German spell в as w
        var iwanow = list.best("Sergey Iwanow");
        assertEquals(0, iwanow.entry());
        assertEquals(1.0, iwanow.score(), 1e-9);
        // Яковлев as ISO 9 and passports spell it: no three-letter beginning in common with the
        // listed "YAKOVLEV", so only the consonant key (k-v-l-v) finds it
        var iakovlev = list.best("Iakovlev");
        assertNotNull(iakovlev);
        assertEquals(4, iakovlev.entry());
        assertTrue(iakovlev.score() >= THRESHOLD, "score " + iakovlev.score());
    }

    @Test
    void aNearMissScoresBelowTheThreshold() {
        for (String party : List.of("Ivanova Logistics", "Arctic Cooling", "Novak Trading", "Volga Shipping")) {
            var match = list.best(party);
            assertNotNull(match, party);
            assertTrue(
                    match.score() < THRESHOLD, party + " scored " + match.score() + " against " + match.listedName());
        }
    }

    @Test
    void aNameSharingKeysWithOnlyOneOfItsThreeTokensIsNotScored() {
        // at most 1/3 of it could match: the score could not come near the threshold
        assertNull(list.best("Ivanova Mining Logistics"));
        assertNotNull(list.best("Ivanov Sergei Mining"), "two of three tokens meet a listed name");
    }

    @Test
    void aNameSharingNoKeyWithTheListIsNotScored() {
        assertNull(list.best("Blue Ridge Datacenters"));
        assertNull(list.best("OOO"));
    }
}
