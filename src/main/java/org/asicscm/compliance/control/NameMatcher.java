package org.asicscm.compliance.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * A restricted-party list ready to be searched: every name and alternate name of every entry,
 * normalised, indexed by two keys of each token: its first three letters, and the first three of
 * its consonant skeleton (so "Iwanow" still meets "Ivanov", and "Yuri" meets "Iurii"). A party is
 * scored only against names that share a key with it: a list of 20,000 entries scores a few
 * hundred names per party, not 20,000.
 */
public final class NameMatcher {
    private static final int PREFIX = 3;
    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    /** One entry of a list, as the matcher knows it: its position in the list and its names. */
    public record Listed(int entry, List<String> names) {}

    /** The best name of one entry for a party: its score from 0 to 1. */
    public record Match(int entry, String listedName, double score) {}

    private record Name(int entry, String original, String key, String[] tokens) {}

    private final List<Name> names = new ArrayList<>();
    private static final int[] NONE = {};

    private final Map<String, int[]> byKey;

    public NameMatcher(List<Listed> entries) {
        var building = new HashMap<String, List<Integer>>();
        for (Listed listed : entries) {
            for (String original : listed.names()) {
                String[] tokens = PartyNames.tokens(original);
                if (tokens.length == 0) {
                    continue;
                }
                int index = names.size();
                names.add(new Name(listed.entry(), original, String.join(" ", tokens), tokens));
                for (String token : tokens) {
                    for (String blockKey : keys(token)) {
                        List<Integer> indexes = building.computeIfAbsent(blockKey, k -> new ArrayList<>());
                        if (indexes.isEmpty() || indexes.get(indexes.size() - 1) != index) {
                            indexes.add(index);
                        }
                    }
                }
            }
        }
        byKey = new HashMap<>();
        building.forEach(
                (k, v) -> byKey.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
    }

    /** Names listed (names and alternate names that had a token left after normalising). */
    public int size() {
        return names.size();
    }

    /**
     * The best-scoring listed name for the party, or none when no listed name shares keys with
     * enough of its tokens. A name of n tokens is scored only against listed names that share a
     * key with n - 1 of them (all of them for n = 1): the score scales down by the tokens one name
     * has beyond the other, so one that shares fewer cannot reach a threshold near 0.9, and common
     * words ("trading", "group") put thousands of names under one key.
     */
    public Match best(String party) {
        String[] tokens = Arrays.stream(PartyNames.tokens(party)).distinct().toArray(String[]::new);
        if (tokens.length == 0) {
            return null;
        }
        String key = String.join(" ", PartyNames.tokens(party));
        int need = Math.max(1, tokens.length - 1);
        var hits = new byte[names.size()];
        var hitBy = new int[names.size()];
        var candidates = new ArrayList<Integer>();
        for (int t = 0; t < tokens.length; t++) {
            for (String blockKey : keys(tokens[t])) {
                for (int index : byKey.getOrDefault(blockKey, NONE)) {
                    // a token counts once per name, whichever of its keys found it
                    if (hitBy[index] == t + 1) {
                        continue;
                    }
                    hitBy[index] = t + 1;
                    if (++hits[index] == need) {
                        candidates.add(index);
                    }
                }
            }
        }
        String[] sorted = PartyNames.tokens(party);
        Match best = null;
        for (int index : candidates) {
            Name name = names.get(index);
            double score = score(key, sorted, name.key(), name.tokens());
            if (best == null || score > best.score()) {
                best = new Match(name.entry(), name.original(), score);
            }
        }
        return best;
    }

    /**
     * The better of two views of a name: the whole sorted key by Jaro-Winkler (a misspelling,
     * a transliteration variant), and token by token (every token of the shorter name against its
     * closest token of the longer, weighted by length, less a penalty for the tokens the longer
     * name has beyond it), which keeps "Ivanov Trading" from matching "Ivanov" alone.
     */
    static double score(String key, String[] tokens, String otherKey, String[] otherTokens) {
        double whole = JARO_WINKLER.apply(key, otherKey);
        String[] shorter = tokens.length <= otherTokens.length ? tokens : otherTokens;
        String[] longer = shorter == tokens ? otherTokens : tokens;
        double weighted = 0;
        int letters = 0;
        for (String token : shorter) {
            double closest = 0;
            for (String other : longer) {
                closest = Math.max(closest, JARO_WINKLER.apply(token, other));
            }
            weighted += closest * token.length();
            letters += token.length();
        }
        double byToken = (weighted / letters) * shorter.length / longer.length;
        return Math.max(whole, byToken);
    }

    /** What two names score, for tests and for explaining a decision. */
    public static double score(String a, String b) {
        String[] ta = PartyNames.tokens(a);
        String[] tb = PartyNames.tokens(b);
        if (ta.length == 0 || tb.length == 0) {
            return 0;
        }
        return score(String.join(" ", ta), ta, String.join(" ", tb), tb);
    }

    private static List<String> keys(String token) {
        String skeleton = skeleton(token);
        String first = head(token);
        return skeleton.isEmpty() ? List.of(first) : List.of(first, "#" + head(skeleton));
    }

    private static String head(String s) {
        return s.length() <= PREFIX ? s : s.substring(0, PREFIX);
    }

    /** The token's consonants, w read as v, a doubled one once: what spellings of one name share. */
    static String skeleton(String token) {
        var out = new StringBuilder(token.length());
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i) == 'w' ? 'v' : token.charAt(i);
            if ("aeiouyhj".indexOf(c) >= 0) {
                continue;
            }
            if (out.isEmpty() || out.charAt(out.length() - 1) != c) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
