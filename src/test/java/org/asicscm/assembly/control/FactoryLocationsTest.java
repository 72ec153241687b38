package org.asicscm.assembly.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.asicscm.assembly.entity.Factory;
import org.asicscm.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

class FactoryLocationsTest {

    @Test
    void baoanIsTheDefaultAndItsSubDistrictsAreCheckedWhateverTheSpelling() {
        var xinan = FactoryLocations.resolve(null, null, null, "Xin'an", null);
        assertEquals(new Factory.Location("CN", "Shenzhen", "Bao'an", "XIN_AN", ZoneId.of("Asia/Shanghai")), xinan);
        var refused = assertThrows(
                InvalidInputException.class, () -> FactoryLocations.resolve(null, null, "Baoan", "Longhua", null));
        assertEquals("subDistrict", refused.field());
    }

    @Test
    void elsewhereIsFreeTextWithTheCountrysUsualZoneOrANamedOne() {
        var dongguan = FactoryLocations.resolve("cn", "Dongguan", "Chang'an", "Xiaobian", null);
        assertEquals(
                new Factory.Location("CN", "Dongguan", "Chang'an", "Xiaobian", ZoneId.of("Asia/Shanghai")), dongguan);
        assertEquals(
                ZoneId.of("Asia/Kuala_Lumpur"),
                FactoryLocations.resolve("MY", "Penang", null, null, null).timeZone());
        assertEquals(
                "timeZone",
                assertThrows(
                                InvalidInputException.class,
                                () -> FactoryLocations.resolve("US", "Austin", null, null, null))
                        .field());
        assertEquals(
                "timeZone",
                assertThrows(
                                InvalidInputException.class,
                                () -> FactoryLocations.resolve("US", "Austin", null, null, "Texas"))
                        .field());
        assertEquals(
                "country",
                assertThrows(InvalidInputException.class, () -> FactoryLocations.resolve("ZZ", null, null, null, null))
                        .field());
        assertNull(FactoryLocations.resolve("US", "Austin", null, null, "America/Chicago")
                .subDistrict());
    }

    @Test
    void aFactorysTodayIsItsOwnDateNotTheServersOrUtcs() {
        // 18:30 UTC on 26 November: already the 27th in Shenzhen, still the 26th in California
        var clock = Clock.fixed(Instant.parse("2026-11-26T18:30:00Z"), ZoneOffset.UTC);
        var shenzhen = new Factory("SZ", "Bao'an", FactoryLocations.resolve(null, null, null, "FUYONG", null));
        var fremont = new Factory(
                "FR", "Fremont", FactoryLocations.resolve("US", "Fremont", null, null, "America/Los_Angeles"));
        assertEquals(LocalDate.of(2026, 11, 27), shenzhen.today(clock));
        assertEquals(LocalDate.of(2026, 11, 26), fremont.today(clock));
        // the JVM's own zone plays no part
        assertEquals(LocalDate.of(2026, 11, 27), shenzhen.today(clock.withZone(ZoneId.of("Pacific/Honolulu"))));
    }
}
