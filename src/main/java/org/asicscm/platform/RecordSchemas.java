package org.asicscm.platform;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * A record's bean-validation constraints as JSON Schema keywords. Payara 6.2025.10's generator
 * (payara/Payara#7649) cannot read them from the records, which carry them on their fields only;
 * with a fixed Payara this class can go.
 */
final class RecordSchemas {

    private RecordSchemas() {}

    /** The application's records by simple name, the names Payara gives their schemas. */
    static Map<String, Class<?>> byName(List<Class<?>> classes) {
        var found = new HashMap<String, Class<?>>();
        classes.stream().filter(Class::isRecord).forEach(type -> found.putIfAbsent(type.getSimpleName(), type));
        return found;
    }

    /** The bean-validation constraints of a record's fields, as JSON Schema keywords. */
    static void constrain(Schema schema, Class<?> record) {
        if (schema.getProperties() == null) {
            return;
        }
        for (RecordComponent component : record.getRecordComponents()) {
            Schema property = schema.getProperties().get(component.getName());
            Field field;
            try {
                field = record.getDeclaredField(component.getName());
            } catch (NoSuchFieldException e) {
                continue;
            }
            if (property == null) {
                // Payara leaves some types out (LocalDate, for one): the API accepts them all the same
                property = typeSchema(field.getGenericType());
                schema.addProperty(component.getName(), property);
            }
            if (field.isAnnotationPresent(NotNull.class)
                    || field.isAnnotationPresent(NotBlank.class)
                    || field.isAnnotationPresent(NotEmpty.class)) {
                if (schema.getRequired() == null || !schema.getRequired().contains(component.getName())) {
                    schema.addRequired(component.getName());
                }
            }
            boolean list = List.class.isAssignableFrom(field.getType());
            if (field.isAnnotationPresent(NotBlank.class)) {
                property.minLength(1);
            }
            if (field.isAnnotationPresent(NotEmpty.class)) {
                if (list) {
                    property.minItems(1);
                } else {
                    property.minLength(1);
                }
            }
            Pattern pattern = field.getAnnotation(Pattern.class);
            if (pattern != null) {
                property.pattern("^(?:" + pattern.regexp() + ")$");
            }
            Size size = field.getAnnotation(Size.class);
            if (size != null) {
                if (list) {
                    property.minItems(size.min() > 0 ? size.min() : null).maxItems(size.max());
                } else {
                    property.minLength(size.min() > 0 ? size.min() : property.getMinLength())
                            .maxLength(size.max());
                }
            }
            Min min = field.getAnnotation(Min.class);
            if (min != null) {
                property.minimum(BigDecimal.valueOf(min.value()));
            }
            Max max = field.getAnnotation(Max.class);
            if (max != null) {
                property.maximum(BigDecimal.valueOf(max.value()));
            }
            DecimalMin decimalMin = field.getAnnotation(DecimalMin.class);
            if (decimalMin != null) {
                property.minimum(new BigDecimal(decimalMin.value()))
                        .exclusiveMinimum(decimalMin.inclusive() ? null : true);
            }
            DecimalMax decimalMax = field.getAnnotation(DecimalMax.class);
            if (decimalMax != null) {
                property.maximum(new BigDecimal(decimalMax.value()))
                        .exclusiveMaximum(decimalMax.inclusive() ? null : true);
            }
            if (list && property.getItems() == null && field.getGenericType() instanceof ParameterizedType generic) {
                property.items(itemSchema(generic.getActualTypeArguments()[0]));
            }
        }
    }

    /** The JSON Schema of a Java type as JSON-B writes it. */
    static Schema typeSchema(java.lang.reflect.Type type) {
        if (type instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw) {
            if (List.class.isAssignableFrom(raw)) {
                return OASFactory.createSchema()
                        .type(Schema.SchemaType.ARRAY)
                        .items(itemSchema(generic.getActualTypeArguments()[0]));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return OASFactory.createSchema()
                        .type(Schema.SchemaType.OBJECT)
                        .additionalPropertiesSchema(itemSchema(generic.getActualTypeArguments()[1]));
            }
        }
        if (type == java.time.LocalDate.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.STRING).format("date");
        }
        if (type == java.time.OffsetDateTime.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.STRING).format("date-time");
        }
        if (type == Boolean.class || type == boolean.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.BOOLEAN);
        }
        if (type == int.class || type == long.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.INTEGER);
        }
        if (type instanceof Class<?> enumType && enumType.isEnum()) {
            var values = OASFactory.createSchema().type(Schema.SchemaType.STRING);
            for (Object constant : enumType.getEnumConstants()) {
                values.addEnumeration(((Enum<?>) constant).name());
            }
            return values;
        }
        return itemSchema(type);
    }

    private static Schema itemSchema(java.lang.reflect.Type item) {
        if (item == String.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.STRING);
        }
        if (item == Integer.class || item == Long.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.INTEGER);
        }
        if (item == BigDecimal.class || item == Double.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.NUMBER);
        }
        if (item instanceof Class<?> type) {
            return OASFactory.createSchema().ref("#/components/schemas/" + type.getSimpleName());
        }
        return OASFactory.createSchema().type(Schema.SchemaType.OBJECT);
    }
}
