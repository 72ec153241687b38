package org.asicscm.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.junit.jupiter.api.Test;

/** The boundary's small rules: paging, query parameters, codes, idempotency fingerprints, operation ids. */
class PagingAndParametersTest {

    private enum Colour {
        RED,
        GREEN
    }

    @Test
    void aPageRequestHasDefaultsAndSortsByTheFieldsGiven() {
        var request = PageRequest.of(null, null, null, Set.of("dueDate", "priority"), "priority,-dueDate");
        assertEquals(0, request.page());
        assertEquals(PageRequest.DEFAULT_SIZE, request.size());
        assertEquals(
                List.of(new PageRequest.Order("priority", false), new PageRequest.Order("dueDate", true)),
                request.sort());
        var third = PageRequest.of("2", "20", "-dueDate", Set.of("dueDate"), "dueDate");
        assertEquals(40, third.offset());
    }

    @Test
    void badPagingIsRefusedNamingTheParameter() {
        Set<String> sortable = Set.of("dueDate");
        assertEquals("size", refusal(() -> PageRequest.of(null, "0", null, sortable, "dueDate")));
        assertEquals("size", refusal(() -> PageRequest.of(null, "501", null, sortable, "dueDate")));
        assertEquals("size", refusal(() -> PageRequest.of(null, "99999999999", null, sortable, "dueDate")));
        assertEquals("page", refusal(() -> PageRequest.of("-1", null, null, sortable, "dueDate")));
        assertEquals("page", refusal(() -> PageRequest.of("two", null, null, sortable, "dueDate")));
        assertEquals("sort", refusal(() -> PageRequest.of(null, null, "colour", sortable, "dueDate")));
    }

    @Test
    void queryParametersAreReadAsTextAndRefusedByName() {
        assertNull(QueryParams.enumValue("colour", null, Colour.class));
        assertEquals(Colour.GREEN, QueryParams.enumValue("colour", "green", Colour.class));
        assertEquals("colour", refusal(() -> QueryParams.enumValue("colour", "BLUE", Colour.class)));
        assertEquals(LocalDate.of(2027, 1, 31), QueryParams.date("dueTo", "2027-01-31"));
        assertEquals("dueTo", refusal(() -> QueryParams.date("dueTo", "next week")));
        assertEquals(200, QueryParams.number("limit", null, 200, 1, 2000));
        assertEquals("limit", refusal(() -> QueryParams.number("limit", "2001", 200, 1, 2000)));
        assertEquals(3, QueryParams.positive("attempt", "3"));
        assertEquals("attempt", refusal(() -> QueryParams.positive("attempt", "0")));
        assertEquals("name", refusal(() -> QueryParams.text("name", "x".repeat(101))));
    }

    @Test
    void codesAreLettersDigitsDotsDashesAndUnderscoresUpTo40() {
        assertTrue(Codes.isCode("HB-2026.11_001"));
        assertTrue(Codes.isCode("A".repeat(40)));
        assertFalse(Codes.isCode("A".repeat(41)));
        assertFalse(Codes.isCode("-starts-with-a-dash"));
        assertFalse(Codes.isCode("has space"));
        assertFalse(Codes.isCode("BO-1;drop"));
    }

    @Test
    void anIdempotencyFingerprintTellsRetriesFromOtherRequests() {
        byte[] body = "{\"dies\":63}".getBytes();
        String first = IdempotentReplies.fingerprint("POST", "/api/build-orders/1/allocations", body);
        assertEquals(first, IdempotentReplies.fingerprint("POST", "/api/build-orders/1/allocations", body.clone()));
        assertFalse(first.equals(IdempotentReplies.fingerprint("POST", "/api/build-orders/2/allocations", body)));
        assertFalse(first.equals(
                IdempotentReplies.fingerprint("POST", "/api/build-orders/1/allocations", "{\"dies\":64}".getBytes())));
        assertEquals(64, first.length());
    }

    @Test
    void operationIdsComeFromMethodAndPath() {
        assertEquals(
                "postBuildOrdersByIdAllocations",
                OpenApiContract.operationId(PathItem.HttpMethod.POST, "/api/build-orders/{id}/allocations"));
        assertEquals(
                "getQaUnitsBySerialTestsByAttempt",
                OpenApiContract.operationId(PathItem.HttpMethod.GET, "/api/qa/units/{serial}/tests/{attempt}"));
        assertEquals("getHashboardTrays", OpenApiContract.operationId(PathItem.HttpMethod.GET, "/api/hashboard-trays"));
    }

    private static String refusal(Runnable call) {
        return assertThrows(InvalidInputException.class, call::run).field();
    }
}
