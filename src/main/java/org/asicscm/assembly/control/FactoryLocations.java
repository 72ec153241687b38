package org.asicscm.assembly.control;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.asicscm.assembly.entity.Factory;
import org.asicscm.assembly.entity.SubDistrict;
import org.asicscm.platform.InvalidInputException;

/**
 * Where a factory is, from what a planner registers: Bao'an (Shenzhen) by default, any other
 * place by saying so. A Bao'an sub-district must be one of Bao'an's; elsewhere it is free text.
 */
final class FactoryLocations {
    static final String BAOAN = "Bao'an";
    /** Time zones of the countries contract factories are usually in; any other country names its own. */
    private static final Map<String, String> ZONE_BY_COUNTRY = Map.of(
            "CN",
            "Asia/Shanghai",
            "HK",
            "Asia/Hong_Kong",
            "TW",
            "Asia/Taipei",
            "MY",
            "Asia/Kuala_Lumpur",
            "TH",
            "Asia/Bangkok",
            "VN",
            "Asia/Ho_Chi_Minh");

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private FactoryLocations() {}

    static Factory.Location resolve(String country, String city, String district, String subDistrict, String timeZone) {
        String isoCountry = country == null ? "CN" : country.toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(isoCountry)) {
            throw new InvalidInputException("country", "must be an ISO 3166-1 alpha-2 code such as CN or MY");
        }
        var baoan = subDistrict == null ? null : SubDistrict.of(subDistrict);
        // no district and no city in China: Bao'an, where the sub-district must be one of Bao'an's
        boolean inBaoan = district == null ? isoCountry.equals("CN") && city == null : isBaoan(district);
        if (inBaoan && subDistrict != null && baoan == null) {
            throw new InvalidInputException(
                    "subDistrict",
                    "Bao'an's sub-districts are " + Arrays.toString(SubDistrict.values())
                            + "; for a factory elsewhere give its district");
        }
        if (inBaoan && baoan != null && timeZone == null) {
            return Factory.Location.baoan(baoan);
        }
        return new Factory.Location(
                isoCountry,
                inBaoan && city == null ? "Shenzhen" : city,
                inBaoan ? BAOAN : district,
                inBaoan && baoan != null ? baoan.name() : subDistrict,
                zone(isoCountry, timeZone));
    }

    private static boolean isBaoan(String district) {
        String plain = district.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        return plain.equals("baoan");
    }

    private static ZoneId zone(String country, String timeZone) {
        if (timeZone == null) {
            String usual = ZONE_BY_COUNTRY.get(country);
            if (usual == null) {
                throw new InvalidInputException(
                        "timeZone",
                        "is required for a factory in " + country + " (an IANA zone such as Asia/Kuala_Lumpur)");
            }
            return ZoneId.of(usual);
        }
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new InvalidInputException("timeZone", "must be an IANA time zone such as Asia/Shanghai");
        }
    }
}
