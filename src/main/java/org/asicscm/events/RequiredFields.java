package org.asicscm.events;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Optional;

/**
 * Checks that an event read from the wire carries every field its record declares, except those
 * marked {@link Events.MayBeNull}. JSON-B leaves a missing field null; without this a consumer
 * would meet the hole deep inside its reaction, fail with a NullPointerException and be retried
 * for nothing: a message that lacks a field is permanently wrong.
 */
final class RequiredFields {
    /** Looked up once per record type: every event written and read passes through here. */
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };

    private RequiredFields() {}

    /** @return the path of the first missing field, e.g. {@code data.sources[0].allocationId} */
    static Optional<String> firstMissing(Record data) {
        return firstMissing("data", data);
    }

    private static Optional<String> firstMissing(String path, Record record) {
        for (RecordComponent component : COMPONENTS.get(record.getClass())) {
            String here = path + "." + component.getName();
            Object value;
            try {
                value = component.getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + here, e);
            }
            if (value == null) {
                if (component.getType().isPrimitive() || component.isAnnotationPresent(Events.MayBeNull.class)) {
                    continue;
                }
                return Optional.of(here);
            }
            Optional<String> inside = Optional.empty();
            if (value instanceof Record nested) {
                inside = firstMissing(here, nested);
            } else if (value instanceof List<?> list) {
                inside = firstMissingIn(here, list);
            }
            if (inside.isPresent()) {
                return inside;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> firstMissingIn(String path, List<?> list) {
        for (int i = 0; i < list.size(); i++) {
            Object element = list.get(i);
            if (element == null) {
                return Optional.of(path + "[" + i + "]");
            }
            if (element instanceof Record nested) {
                Optional<String> inside = firstMissing(path + "[" + i + "]", nested);
                if (inside.isPresent()) {
                    return inside;
                }
            }
        }
        return Optional.empty();
    }
}
