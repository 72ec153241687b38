package org.asicscm.platform;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads every request body of the application strictly, before JSON-B sees it, because JSON-B
 * (Yasson) is lenient where a supply-chain ledger cannot be: it wraps 4,294,967,396 into 100,
 * truncates 2.7 to 2, turns 1e308 into 0, ignores a typo'd property and whatever follows the
 * JSON value. Here a body is refused with 400 naming each field when:
 * <ul>
 *   <li>it is not one JSON value in UTF-8, or something follows the value;
 *   <li>a property is not one the request has;
 *   <li>a whole number has a fraction or does not fit (int: ±2^31, long: ±2^63), or a decimal is
 *       beyond ±10^15;
 *   <li>a value has the wrong JSON type, an enum names no constant, a date or time does not parse
 *       or lies outside the years 1970 to 2999;
 *   <li>a string holds an unpaired surrogate;
 * </ul>
 * and with 413 when it is longer than {@link #LIMIT_BYTES}. Control characters (C0, C1) and
 * bidirectional overrides are removed from every string: they have no place in a lot number or
 * a note, and a NUL is refused by PostgreSQL. The cleaned value is then bound by JSON-B.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
// ahead of the runtime's own JSON-B reader for the same media type
@jakarta.annotation.Priority(1)
public class StrictJson implements MessageBodyReader<Object> {
    /** The largest request body: a tray of 100 boards is about 10 kB. */
    public static final int LIMIT_BYTES = 1_048_576;

    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final BigDecimal LARGEST_DECIMAL = new BigDecimal("1e15");
    private static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.getPackageName().startsWith("org.asicscm");
    }

    @Override
    public Object readFrom(
            Class<Object> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, String> headers,
            InputStream body)
            throws IOException {
        byte[] bytes = body.readNBytes(LIMIT_BYTES + 1);
        if (bytes.length > LIMIT_BYTES) {
            throw new BodyTooLarge();
        }
        var errors = new ArrayList<Problem.FieldError>();
        JsonValue cleaned = clean(parse(utf8(bytes)), genericType, "", errors);
        if (!errors.isEmpty()) {
            throw new BodyRefused(errors);
        }
        return JSONB.fromJson(cleaned.toString(), genericType);
    }

    /** A body longer than {@link #LIMIT_BYTES}: 413, read no further. */
    public static final class BodyTooLarge extends RuntimeException {
        BodyTooLarge() {
            super("a request body may be at most " + LIMIT_BYTES + " bytes");
        }
    }

    /** The field errors of a body that is JSON but not what the request takes. */
    public static final class BodyRefused extends RuntimeException {
        private final List<Problem.FieldError> errors;

        BodyRefused(List<Problem.FieldError> errors) {
            super(errors.get(0).field() + " " + errors.get(0).message());
            this.errors = List.copyOf(errors);
        }

        public List<Problem.FieldError> errors() {
            return errors;
        }
    }

    static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new BodyRefused(List.of(new Problem.FieldError("body", "is not UTF-8")));
        }
    }

    /** One JSON value and nothing after it. */
    static JsonValue parse(String text) {
        try (JsonParser parser = Json.createParser(new StringReader(text))) {
            if (!parser.hasNext()) {
                throw new BodyRefused(List.of(new Problem.FieldError("body", "is empty")));
            }
            parser.next();
            JsonValue value = parser.getValue();
            if (parser.hasNext()) {
                throw new BodyRefused(List.of(new Problem.FieldError("body", "has more after the JSON value ends")));
            }
            return value;
        } catch (JsonParsingException e) {
            var at = e.getLocation();
            throw new BodyRefused(List.of(new Problem.FieldError(
                    "body",
                    "is not valid JSON (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ")")));
        } catch (jakarta.json.JsonException | IllegalStateException e) {
            throw new BodyRefused(List.of(new Problem.FieldError("body", "is not valid JSON")));
        }
    }

    /** The value checked against the type it binds to, its strings cleaned; errors collected by field. */
    static JsonValue clean(JsonValue value, Type type, String path, List<Problem.FieldError> errors) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return JsonValue.NULL;
        }
        Class<?> raw = raw(type);
        String field = path.isEmpty() ? "body" : path;
        if (raw.isRecord()) {
            if (!(value instanceof JsonObject object)) {
                errors.add(new Problem.FieldError(field, "must be a JSON object"));
                return value;
            }
            var components = Arrays.stream(raw.getRecordComponents())
                    .collect(java.util.stream.Collectors.toMap(
                            RecordComponent::getName, c -> c, (a, b) -> a, java.util.LinkedHashMap::new));
            var builder = Json.createObjectBuilder();
            for (var entry : object.entrySet()) {
                String name = entry.getKey();
                RecordComponent component = components.get(name);
                String child = path.isEmpty() ? name : path + "." + name;
                if (component == null) {
                    errors.add(new Problem.FieldError(
                            cleanText(child),
                            "is not a property of this request (it takes " + components.keySet() + ")"));
                    continue;
                }
                builder.add(name, clean(entry.getValue(), component.getGenericType(), child, errors));
            }
            return builder.build();
        }
        if (List.class.isAssignableFrom(raw) || java.util.Set.class.isAssignableFrom(raw)) {
            if (!(value instanceof JsonArray array)) {
                errors.add(new Problem.FieldError(field, "must be a JSON array"));
                return value;
            }
            Type element = argument(type, 0);
            var builder = Json.createArrayBuilder();
            for (int i = 0; i < array.size(); i++) {
                builder.add(clean(array.get(i), element, path + "[" + i + "]", errors));
            }
            return builder.build();
        }
        if (Map.class.isAssignableFrom(raw)) {
            if (!(value instanceof JsonObject object)) {
                errors.add(new Problem.FieldError(field, "must be a JSON object"));
                return value;
            }
            Type valueType = argument(type, 1);
            var builder = Json.createObjectBuilder();
            for (var entry : object.entrySet()) {
                String key = cleanText(entry.getKey());
                builder.add(key, clean(entry.getValue(), valueType, path + "." + key, errors));
            }
            return builder.build();
        }
        if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
            long least = raw == Integer.class || raw == int.class ? Integer.MIN_VALUE : Long.MIN_VALUE;
            long most = raw == Integer.class || raw == int.class ? Integer.MAX_VALUE : Long.MAX_VALUE;
            if (!(value instanceof JsonNumber number)) {
                errors.add(new Problem.FieldError(field, "must be a number"));
                return value;
            }
            BigDecimal exact = number.bigDecimalValue();
            if (exact.signum() != 0 && exact.stripTrailingZeros().scale() > 0) {
                errors.add(new Problem.FieldError(field, "must be a whole number"));
                return value;
            }
            BigInteger whole = exact.toBigInteger();
            if (whole.compareTo(BigInteger.valueOf(least)) < 0 || whole.compareTo(BigInteger.valueOf(most)) > 0) {
                errors.add(new Problem.FieldError(field, "must be a whole number from " + least + " to " + most));
                return value;
            }
            return Json.createValue(whole.longValueExact());
        }
        if (raw == BigDecimal.class || raw == Double.class || raw == double.class) {
            if (!(value instanceof JsonNumber number)) {
                errors.add(new Problem.FieldError(field, "must be a number"));
                return value;
            }
            if (number.bigDecimalValue().abs().compareTo(LARGEST_DECIMAL) >= 0) {
                errors.add(new Problem.FieldError(field, "must be less than 10^15 in size"));
            }
            return value;
        }
        if (raw == Boolean.class || raw == boolean.class) {
            if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
                errors.add(new Problem.FieldError(field, "must be true or false"));
            }
            return value;
        }
        if (!(value instanceof JsonString string)) {
            if (raw == String.class || raw.isEnum() || raw == LocalDate.class || raw == OffsetDateTime.class) {
                errors.add(new Problem.FieldError(field, "must be a string"));
            }
            return value;
        }
        String text = string.getString();
        if (unpairedSurrogate(text)) {
            errors.add(new Problem.FieldError(field, "holds an invalid Unicode character"));
            return value;
        }
        String clean = cleanText(text);
        if (raw.isEnum()) {
            var names = Arrays.stream(raw.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name())
                    .toList();
            if (!names.contains(clean)) {
                errors.add(new Problem.FieldError(field, "must be one of " + names));
            }
        } else if (raw == LocalDate.class) {
            try {
                inRange(field, LocalDate.parse(clean), errors);
            } catch (DateTimeParseException e) {
                errors.add(new Problem.FieldError(field, "must be a date like 2026-12-31"));
            }
        } else if (raw == OffsetDateTime.class) {
            try {
                inRange(field, OffsetDateTime.parse(clean).toLocalDate(), errors);
            } catch (DateTimeParseException e) {
                errors.add(new Problem.FieldError(
                        field, "must be a time with its offset, like 2026-12-31T08:00:00+08:00"));
            }
        }
        return Json.createValue(clean);
    }

    private static void inRange(String field, LocalDate date, List<Problem.FieldError> errors) {
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            errors.add(new Problem.FieldError(field, "must lie between " + EARLIEST + " and " + LATEST));
        }
    }

    /** Without C0 and C1 control characters and bidirectional overrides and isolates. */
    static String cleanText(String text) {
        StringBuilder clean = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean drop = c < 0x20
                    || (c >= 0x7f && c <= 0x9f)
                    || (c >= 0x202a && c <= 0x202e)
                    || (c >= 0x2066 && c <= 0x2069);
            if (drop && clean == null) {
                clean = new StringBuilder(text.substring(0, i));
            } else if (!drop && clean != null) {
                clean.append(c);
            }
        }
        return clean == null ? text : clean.toString();
    }

    private static boolean unpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof java.lang.reflect.WildcardType w) {
            return raw(w.getUpperBounds()[0]);
        }
        return Object.class;
    }

    private static Type argument(Type type, int index) {
        return type instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : Object.class;
    }
}
