package org.asicscm.qa.entity;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;

/**
 * Reads a burn-in log: JSON lines, one timestamped sample of one chain per line
 * (docs/burn-in.md). The whole log is read before anything is kept, and the first bad line
 * refuses all of it, named by its number (1-based) and field.
 */
public final class BurnInLog {
    public static final int MAX_SAMPLES = 50_000;

    /** Looked up once: each static Json.createReader searches for the provider again, per line. */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    private static final Set<String> FIELDS =
            Set.of("t", "chain", "hashrateGhs", "chipTempC", "pcbTempC", "errors", "chips", "powerW");

    /** A line that is not a sample: field is e.g. "line[17].chipTempC". */
    public static final class BadLine extends RuntimeException {
        private final String field;

        BadLine(int line, String name, String message) {
            super("line " + line + (name == null ? "" : " (" + name + ")") + ": " + message);
            this.field = "line[" + line + "]" + (name == null ? "" : "." + name);
        }

        public String field() {
            return field;
        }
    }

    private BurnInLog() {}

    /**
     * @param chains the machine's chains, each of which must have samples
     * @param chipsPerChain taken as found on a chain whose samples do not count chips
     */
    public static BurnInSummary read(String text, int chains, int chipsPerChain) {
        var sums = new BigDecimal[chains];
        var counts = new int[chains];
        var chipMax = new BigDecimal[chains];
        var pcbMax = new BigDecimal[chains];
        var fewestChips = new int[chains];
        var errors = new long[chains];
        java.util.Arrays.fill(fewestChips, chipsPerChain);
        BigDecimal powerSum = BigDecimal.ZERO;
        int powerCount = 0;
        OffsetDateTime first = null;
        OffsetDateTime last = null;
        int samples = 0;
        int lineNumber = 0;
        try (var reader = new BufferedReader(new StringReader(text))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    throw new BadLine(lineNumber, null, "is empty; every line is one sample");
                }
                if (++samples > MAX_SAMPLES) {
                    throw new BadLine(lineNumber, null, "a log holds at most " + MAX_SAMPLES + " samples");
                }
                JsonObject sample = object(line, lineNumber);
                for (String name : sample.keySet()) {
                    if (!FIELDS.contains(name)) {
                        throw new BadLine(lineNumber, name, "is not a field of a sample");
                    }
                }
                OffsetDateTime t = time(sample, lineNumber);
                if (last != null && t.isBefore(last)) {
                    throw new BadLine(lineNumber, "t", "is before the line above; samples come in time order");
                }
                first = first == null ? t : first;
                last = t;
                int chain = whole(sample, "chain", lineNumber, true, 0, chains - 1);
                sums[chain] = add(sums[chain], number(sample, "hashrateGhs", lineNumber, true, 0, 10_000_000));
                counts[chain]++;
                chipMax[chain] = max(chipMax[chain], number(sample, "chipTempC", lineNumber, true, -40, 200));
                pcbMax[chain] = max(pcbMax[chain], number(sample, "pcbTempC", lineNumber, false, -40, 200));
                errors[chain] += whole(sample, "errors", lineNumber, false, 0, Integer.MAX_VALUE);
                if (sample.containsKey("chips")) {
                    fewestChips[chain] =
                            Math.min(fewestChips[chain], whole(sample, "chips", lineNumber, true, 0, chipsPerChain));
                }
                BigDecimal power = number(sample, "powerW", lineNumber, false, 1, 100_000);
                if (power != null) {
                    powerSum = powerSum.add(power);
                    powerCount++;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (samples == 0) {
            throw new BadLine(1, null, "the log is empty");
        }
        var readings = new ArrayList<ChainReading>();
        long allErrors = 0;
        for (int chain = 0; chain < chains; chain++) {
            if (counts[chain] == 0) {
                throw new BadLine(lineNumber, "chain", "chain " + chain + " has no samples in the log");
            }
            readings.add(new ChainReading(
                    fewestChips[chain],
                    sums[chain].divide(BigDecimal.valueOf(counts[chain]), 1, RoundingMode.HALF_UP),
                    chipMax[chain],
                    pcbMax[chain],
                    (int) Math.min(Integer.MAX_VALUE, errors[chain])));
            allErrors += errors[chain];
        }
        if (powerCount == 0) {
            throw new BadLine(lineNumber, "powerW", "no sample gives the wall power");
        }
        return new BurnInSummary(
                samples,
                first,
                last,
                readings,
                powerSum.divide(BigDecimal.valueOf(powerCount), 1, RoundingMode.HALF_UP),
                allErrors);
    }

    private static JsonObject object(String line, int lineNumber) {
        try (var reader = READERS.createReader(new StringReader(line))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new BadLine(lineNumber, null, "is not a JSON object");
            }
            return value.asJsonObject();
        } catch (jakarta.json.JsonException e) {
            throw new BadLine(lineNumber, null, "is not JSON");
        }
    }

    private static OffsetDateTime time(JsonObject sample, int lineNumber) {
        JsonValue t = sample.get("t");
        if (t == null || t.getValueType() != JsonValue.ValueType.STRING) {
            throw new BadLine(lineNumber, "t", "must be the sample's time with offset, e.g. 2026-11-27T08:00:00Z");
        }
        try {
            return OffsetDateTime.parse(sample.getString("t"));
        } catch (DateTimeParseException e) {
            throw new BadLine(lineNumber, "t", "must be the sample's time with offset, e.g. 2026-11-27T08:00:00Z");
        }
    }

    private static BigDecimal number(JsonObject sample, String name, int line, boolean required, long min, long max) {
        JsonValue value = sample.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            if (required) {
                throw new BadLine(line, name, "is missing");
            }
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.NUMBER) {
            throw new BadLine(line, name, "must be a number");
        }
        BigDecimal n = ((JsonNumber) value).bigDecimalValue();
        if (n.compareTo(BigDecimal.valueOf(min)) < 0 || n.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new BadLine(line, name, "must be from " + min + " to " + max);
        }
        return n;
    }

    private static int whole(JsonObject sample, String name, int line, boolean required, int min, int max) {
        BigDecimal n = number(sample, name, line, required, min, max);
        if (n == null) {
            return 0;
        }
        if (n.stripTrailingZeros().scale() > 0) {
            throw new BadLine(line, name, "must be a whole number");
        }
        return n.intValue();
    }

    private static BigDecimal add(BigDecimal sum, BigDecimal n) {
        return sum == null ? n : sum.add(n);
    }

    private static BigDecimal max(BigDecimal a, BigDecimal b) {
        if (b == null) {
            return a;
        }
        return a == null || b.compareTo(a) > 0 ? b : a;
    }
}
