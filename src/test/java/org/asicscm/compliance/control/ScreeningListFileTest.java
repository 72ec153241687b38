package org.asicscm.compliance.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.asicscm.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The screening list file: read whole, or refused naming its first bad row. */
class ScreeningListFileTest {
    static final String HEADER = "name,alternate_names,addresses,country,source\n";

    @Test
    void rowsAreReadWithQuotedFieldsAndBlankOptionalOnes() {
        var rows = ScreeningLists.parse(HEADER
                + "\"Volga Compute, Limited\",Волга Компьют;VC Ltd,\"1 Main St, Kazan\",RU,EU-FSF\n"
                + "Arctic Hash Trading FZE,,,AE,OFAC-SDN\n");
        assertEquals(2, rows.size());
        assertEquals("Volga Compute, Limited", rows.get(0).name());
        assertEquals("Волга Компьют;VC Ltd", rows.get(0).alternateNames());
        assertEquals("RU", rows.get(0).country());
        assertNull(rows.get(1).alternateNames());
        assertEquals(2, rows.get(1).number());
    }

    @Test
    void theFirstBadRowRefusesTheFileByItsNumber() {
        assertField("row[2].country", HEADER + "A One,,,RU,EU\nB Two,,,Russia,EU\nC Three,,,XX,EU\n");
        assertField("row[1].source", HEADER + "A One,,,RU,\n");
        assertField("row[1].name", HEADER + " ,,,RU,EU\n");
        assertField("row[1].name", HEADER + "LLC,,,RU,EU\n");
        assertField("row[2]", HEADER + "A One,,,RU,EU\nB Two,,RU,EU\n");
        assertField("row[2]", HEADER + "A One,,,RU,EU\n\"B Two,,,RU,EU\n");
        assertField("header", "name,aliases,addresses,country,source\nA One,,,RU,EU\n");
        assertField("body", HEADER);
    }

    private static void assertField(String field, String csv) {
        var refused = assertThrows(InvalidInputException.class, () -> ScreeningLists.parse(csv));
        assertEquals(field, refused.field(), refused.getMessage());
    }
}
