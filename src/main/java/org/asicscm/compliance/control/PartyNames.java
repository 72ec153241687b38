package org.asicscm.compliance.control;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A party's name in the form names are compared in: Cyrillic spelled in Latin letters, accents
 * and punctuation gone, w read as v, legal forms (LLC, OOO, GmbH ...) dropped, tokens in alphabetical order, so
 * that "ООО Сергей Иванов" and "Ivanov, Sergei LLC" come out nearly alike.
 */
public final class PartyNames {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");

    // legal forms say nothing about who a party is; left in, they make unrelated companies alike
    private static final Set<String> LEGAL_FORMS = Set.of(
            "llc",
            "ltd",
            "limited",
            "inc",
            "incorporated",
            "corp",
            "corporation",
            "co",
            "company",
            "plc",
            "llp",
            "gmbh",
            "ag",
            "sa",
            "sas",
            "srl",
            "bv",
            "nv",
            "oy",
            "ab",
            "as",
            "pte",
            "pty",
            "fze",
            "fzco",
            "ooo",
            "oao",
            "zao",
            "pao",
            "ao",
            "tov",
            "too",
            "doo",
            "ad",
            "jsc",
            "pjsc",
            "cjsc",
            "ojsc",
            "ip",
            "the",
            "of");

    // one letter of Russian, Ukrainian, Belarusian, Serbian, Kazakh Cyrillic to Latin, as passports
    // and trade registers commonly spell them (close to BGN/PCGN); the score absorbs the variants
    private static final Map<Character, String> CYRILLIC = Map.ofEntries(
            Map.entry('а', "a"),
            Map.entry('б', "b"),
            Map.entry('в', "v"),
            Map.entry('г', "g"),
            Map.entry('д', "d"),
            Map.entry('е', "e"),
            Map.entry('ё', "e"),
            Map.entry('ж', "zh"),
            Map.entry('з', "z"),
            Map.entry('и', "i"),
            Map.entry('й', "y"),
            Map.entry('к', "k"),
            Map.entry('л', "l"),
            Map.entry('м', "m"),
            Map.entry('н', "n"),
            Map.entry('о', "o"),
            Map.entry('п', "p"),
            Map.entry('р', "r"),
            Map.entry('с', "s"),
            Map.entry('т', "t"),
            Map.entry('у', "u"),
            Map.entry('ф', "f"),
            Map.entry('х', "kh"),
            Map.entry('ц', "ts"),
            Map.entry('ч', "ch"),
            Map.entry('ш', "sh"),
            Map.entry('щ', "shch"),
            Map.entry('ъ', ""),
            Map.entry('ы', "y"),
            Map.entry('ь', ""),
            Map.entry('э', "e"),
            Map.entry('ю', "yu"),
            Map.entry('я', "ya"),
            Map.entry('і', "i"),
            Map.entry('ї', "yi"),
            Map.entry('є', "ye"),
            Map.entry('ґ', "g"),
            Map.entry('ў', "u"),
            Map.entry('ђ', "dj"),
            Map.entry('ј', "j"),
            Map.entry('љ', "lj"),
            Map.entry('њ', "nj"),
            Map.entry('ћ', "c"),
            Map.entry('џ', "dz"),
            Map.entry('ә', "a"),
            Map.entry('ғ', "g"),
            Map.entry('қ', "k"),
            Map.entry('ң', "n"),
            Map.entry('ө', "o"),
            Map.entry('ұ', "u"),
            Map.entry('ү', "u"),
            Map.entry('һ', "h"));

    private PartyNames() {}

    /** Cyrillic letters spelled in Latin; everything else as it was (lower case). */
    public static String latin(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        var out = new StringBuilder(lower.length() + 8);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            String spelled = CYRILLIC.get(c);
            out.append(spelled != null ? spelled : String.valueOf(c));
        }
        return out.toString();
    }

    /** The name's tokens, normalised and sorted; empty when nothing but legal forms was left. */
    public static String[] tokens(String name) {
        // dots go without a space, so that "d.o.o." and "L.L.C." read as the legal forms they are; w
        // is read as v, as German and Polish spell the Cyrillic в ("Iwanow" for Иванов)
        String plain = MARKS.matcher(Normalizer.normalize(latin(name), Normalizer.Form.NFKD))
                .replaceAll("")
                .replace(".", "")
                .replace('w', 'v');
        return Arrays.stream(NOT_ALNUM.split(plain))
                .filter(t -> !t.isEmpty() && !LEGAL_FORMS.contains(t))
                .sorted()
                .toArray(String[]::new);
    }

    /** The tokens joined by one space: the key names are compared by. */
    public static String normalised(String name) {
        return Arrays.stream(tokens(name)).collect(Collectors.joining(" "));
    }
}
