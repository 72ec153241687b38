package org.asicscm.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.asicscm.allocation.boundary.LotViews.LotRequest;
import org.asicscm.allocation.boundary.OrderViews.BuildOrderRequest;
import org.asicscm.shipping.boundary.ShippingViews.MilestoneRequest;
import org.junit.jupiter.api.Test;

/** Request bodies are read as written or refused by field: nothing wraps, truncates or is ignored. */
class StrictJsonTest {

    private static List<Problem.FieldError> errors(String body, Type type) {
        var errors = new ArrayList<Problem.FieldError>();
        StrictJson.clean(StrictJson.parse(body), type, "", errors);
        return errors;
    }

    private static String order(String machines) {
        return "{\"orderNumber\":\"BO-1\",\"product\":\"S21\",\"machines\":" + machines
                + ",\"dueDate\":\"2027-01-31\"}";
    }

    @Test
    void wholeNumbersThatDoNotFitOrHaveFractionsAreRefusedNotWrapped() {
        assertEquals(List.of(), errors(order("100"), BuildOrderRequest.class));
        assertEquals(List.of(), errors(order("1.0e2"), BuildOrderRequest.class), "100 written another way is 100");
        for (String wrapped : List.of("4294967396", "-4294967196", "2147483648", "9223372036854775808", "1e308")) {
            var refused = errors(order(wrapped), BuildOrderRequest.class);
            assertEquals(1, refused.size(), wrapped);
            assertEquals("machines", refused.get(0).field());
            assertTrue(
                    refused.get(0).message().contains("whole number"),
                    refused.get(0).message());
        }
        assertEquals(
                "must be a whole number",
                errors(order("2.7"), BuildOrderRequest.class).get(0).message());
        assertEquals(
                "must be a number",
                errors(order("\"ten\""), BuildOrderRequest.class).get(0).message());
    }

    @Test
    void aTypoIsNamedNotIgnoredAndNestedFieldsAreNamedByPath() {
        var typo = errors(
                "{\"orderNumber\":\"BO-1\",\"product\":\"S21\",\"machines\":1,\"dueDate\":\"2027-01-31\",\"partal\":true}",
                BuildOrderRequest.class);
        assertEquals("partal", typo.get(0).field());
        var nested = errors(
                "{\"lotNumber\":\"N5-1\",\"chipModel\":\"BM1370\",\"wafers\":25,"
                        + "\"bins\":[{\"bin\":\"B1\",\"goodDies\":5},{\"bin\":\"B2\",\"goodDies\":1e308,\"x\":1}]}",
                LotRequest.class);
        assertEquals(
                List.of("bins[1].goodDies", "bins[1].x"),
                nested.stream().map(Problem.FieldError::field).toList());
    }

    @Test
    void datesAndEnumsAreCheckedWhereTheyStand() {
        var farFuture = errors(
                "{\"orderNumber\":\"BO-1\",\"product\":\"S21\",\"machines\":1,\"dueDate\":\"+999999999-01-01\"}",
                BuildOrderRequest.class);
        assertEquals("dueDate", farFuture.get(0).field());
        var notADate = errors(
                "{\"orderNumber\":\"BO-1\",\"product\":\"S21\",\"machines\":1,\"dueDate\":\"31/01/2027\"}",
                BuildOrderRequest.class);
        assertEquals("must be a date like 2026-12-31", notADate.get(0).message());
        var bogus = errors("{\"milestone\":\"TELEPORTED\"}", MilestoneRequest.class);
        assertEquals("milestone", bogus.get(0).field());
        assertTrue(
                bogus.get(0).message().startsWith("must be one of [BOOKED"),
                bogus.get(0).message());
    }

    @Test
    void onlyOneJsonValueInUtf8IsRead() {
        for (String trailing : List.of(order("1") + "}", order("1") + " and more", order("1") + order("1"))) {
            var refused = assertThrows(StrictJson.BodyRefused.class, () -> StrictJson.parse(trailing));
            assertEquals("body", refused.errors().get(0).field());
        }
        assertThrows(StrictJson.BodyRefused.class, () -> StrictJson.parse("{\"machines\":"));
        assertThrows(StrictJson.BodyRefused.class, () -> StrictJson.parse(""));
        assertThrows(
                StrictJson.BodyRefused.class,
                () -> StrictJson.utf8(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'}));
        var lone = errors(
                "{\"orderNumber\":\"BO-\\ud800\",\"product\":\"S21\",\"machines\":1,\"dueDate\":\"2027-01-31\"}",
                BuildOrderRequest.class);
        assertEquals("orderNumber", lone.get(0).field());
    }

    @Test
    void controlCharactersAndDirectionOverridesAreRemovedFromText() throws Exception {
        String body = "{\"orderNumber\":\"BO-1\",\"product\":\"S21\",\"machines\":1,\"dueDate\":\"2027-01-31\","
                + "\"customerOrderRef\":\"PO\\u0000-7\\u001b[31m\\u202eevil\\r\\n\"}";
        var errors = new ArrayList<Problem.FieldError>();
        JsonObject cleaned = (JsonObject) StrictJson.clean(StrictJson.parse(body), BuildOrderRequest.class, "", errors);
        assertEquals(List.of(), errors);
        assertEquals("PO-7[31mevil", cleaned.getString("customerOrderRef"));
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413() {
        byte[] big = new byte[StrictJson.LIMIT_BYTES + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        assertThrows(
                StrictJson.BodyTooLarge.class,
                () -> new StrictJson()
                        .readFrom(
                                Object.class,
                                BuildOrderRequest.class,
                                null,
                                null,
                                null,
                                new ByteArrayInputStream(big)));
        var fine = assertThrows(
                StrictJson.BodyRefused.class,
                () -> new StrictJson()
                        .readFrom(
                                Object.class,
                                BuildOrderRequest.class,
                                null,
                                null,
                                null,
                                new ByteArrayInputStream(order("4294967396").getBytes(StandardCharsets.UTF_8))));
        assertEquals("machines", fine.errors().get(0).field());
    }
}
