package org.asicscm.assembly.entity;

import java.util.Arrays;
import java.util.Locale;

/** Sub-districts of Bao'an, Shenzhen, where most contract assembly factories are. */
public enum SubDistrict {
    XIXIANG,
    FUYONG,
    SHAJING,
    SONGGANG,
    XINQIAO,
    SHIYAN,
    XIN_AN,
    HANGCHENG,
    FUHAI,
    YANLUO;

    /** The sub-district whatever the spelling ("Xin'an", "xin an", "XIN_AN"), or null if it is none of Bao'an's. */
    public static SubDistrict of(String name) {
        String plain = name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
        return Arrays.stream(values())
                .filter(s -> s.name().replace("_", "").equals(plain))
                .findFirst()
                .orElse(null);
    }
}
