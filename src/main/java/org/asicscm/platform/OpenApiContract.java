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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Makes /openapi say what the API does. Payara 6.2025.10's generator (payara/Payara#7649) cannot
 * read bean-validation constraints on record parameters, so the request records carry them on
 * their fields only, and the generated schemas lose them: this filter puts them back from the
 * same annotations (required, pattern, ranges, lengths, list item types). It also states the
 * build's version, gives every operation a unique operationId from its method and path, and
 * lists the problem answers every operation can give. The one place the workaround lives:
 * with a fixed Payara, the schema part can go.
 */
public class OpenApiContract implements OASFilter {
    private static final Logger LOG = Logger.getLogger(OpenApiContract.class.getName());
    private static final String PACKAGE = "org/asicscm";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getInfo() != null) {
            openAPI.getInfo().version(version());
        }
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            var records = records();
            openAPI.getComponents().getSchemas().forEach((name, schema) -> {
                Class<?> type = records.get(name);
                if (type != null) {
                    constrain(schema, type);
                }
            });
        }
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            var creating = creatingOperations();
            openAPI.getPaths().getPathItems().forEach((path, item) -> describe(path, item, creating));
        }
    }

    static String version() {
        var built = new Properties();
        try (var in = OpenApiContract.class.getResourceAsStream("/asic-scm.properties")) {
            if (in == null) {
                throw new IllegalStateException("asic-scm.properties is missing from the build");
            }
            built.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return built.getProperty("version");
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

    /** A unique operationId, and the problem answers the operation can give beside its success. */
    private static void describe(String path, PathItem item, java.util.Set<String> creating) {
        if (item.getOperations() == null) {
            return;
        }
        item.getOperations().forEach((method, operation) -> {
            operation.operationId(operationId(method, path));
            success(method, path, operation, creating);
            problems(method, path, operation);
        });
    }

    /**
     * Payara names every success "default". A POST whose method answers a {@code Response}
     * creates (201, with a Location where there is one); every other operation answers 200.
     */
    private static void success(
            PathItem.HttpMethod method, String path, Operation operation, java.util.Set<String> creating) {
        var responses = operation.getResponses();
        if (responses == null) {
            return;
        }
        var answer = responses.getDefaultValue();
        if (answer == null && responses.getAPIResponses() != null) {
            answer = responses.getAPIResponses().get(APIResponses.DEFAULT);
        }
        if (answer == null) {
            return;
        }
        String code = creating.contains(method + " " + path.replaceFirst("^/api/", "/")) ? "201" : "200";
        responses.setDefaultValue(null);
        responses.removeAPIResponse(APIResponses.DEFAULT);
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, answer);
        }
    }

    /** "POST /build-orders" and the like: the resource methods that answer a Response to a POST. */
    static java.util.Set<String> creatingOperations() {
        var found = new java.util.HashSet<String>();
        var loader = OpenApiContract.class.getClassLoader();
        try {
            for (URL root : Collections.list(loader.getResources(PACKAGE))) {
                for (String className : classNames(root)) {
                    Class<?> type;
                    try {
                        type = Class.forName(className, false, loader);
                    } catch (ClassNotFoundException | LinkageError e) {
                        continue;
                    }
                    jakarta.ws.rs.Path root2 = type.getAnnotation(jakarta.ws.rs.Path.class);
                    if (root2 == null) {
                        continue;
                    }
                    for (var javaMethod : type.getDeclaredMethods()) {
                        if (javaMethod.isAnnotationPresent(jakarta.ws.rs.POST.class)
                                && javaMethod.getReturnType() == jakarta.ws.rs.core.Response.class) {
                            jakarta.ws.rs.Path own = javaMethod.getAnnotation(jakarta.ws.rs.Path.class);
                            String path = ("/" + root2.value() + "/" + (own == null ? "" : own.value()))
                                    .replaceAll("/+", "/")
                                    .replaceAll("(.)/$", "$1");
                            found.add("POST " + path);
                        }
                    }
                }
            }
        } catch (IOException | URISyntaxException e) {
            LOG.log(Level.WARNING, "cannot list the application's resources for /openapi", e);
        }
        return found;
    }

    /** e.g. POST /api/build-orders/{id}/allocations: postBuildOrdersByIdAllocations. */
    static String operationId(PathItem.HttpMethod method, String path) {
        var name = new StringBuilder(method.name().toLowerCase(Locale.ROOT));
        for (String segment : path.replaceFirst("^/api/", "/").split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            boolean parameter = segment.startsWith("{");
            String words = parameter ? "by-" + segment.substring(1, segment.length() - 1) : segment;
            for (String word : words.split("[-_]")) {
                if (!word.isEmpty()) {
                    name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
                }
            }
        }
        return name.toString();
    }

    private static void problems(PathItem.HttpMethod method, String path, Operation operation) {
        if (operation.getResponses() == null) {
            operation.responses(OASFactory.createAPIResponses());
        }
        var responses = operation.getResponses();
        var named = responses.getAPIResponses() == null ? Map.<String, Object>of() : responses.getAPIResponses();
        boolean hasInput = operation.getRequestBody() != null
                || (operation.getParameters() != null
                        && !operation.getParameters().isEmpty());
        if (hasInput && !named.containsKey("400")) {
            responses.addAPIResponse("400", problem("Invalid input: the problem's errors name each field"));
        }
        if (path.contains("{") && !named.containsKey("404")) {
            responses.addAPIResponse("404", problem("No such resource"));
        }
        if (method == PathItem.HttpMethod.POST && !named.containsKey("409")) {
            responses.addAPIResponse("409", problem("Refused by a business rule: code and figures in the problem"));
        }
        if (method == PathItem.HttpMethod.POST && !named.containsKey("503")) {
            responses.addAPIResponse("503", problem("Busy: nothing changed, retry after Retry-After seconds"));
        }
    }

    private static org.eclipse.microprofile.openapi.models.responses.APIResponse problem(String description) {
        Content content = OASFactory.createContent()
                .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().type(Schema.SchemaType.OBJECT)));
        return OASFactory.createAPIResponse().description(description).content(content);
    }

    /** The application's records by simple name, the names Payara gives their schemas. */
    static Map<String, Class<?>> records() {
        var loader = OpenApiContract.class.getClassLoader();
        var found = new HashMap<String, Class<?>>();
        try {
            for (URL root : Collections.list(loader.getResources(PACKAGE))) {
                for (String className : classNames(root)) {
                    try {
                        Class<?> type = Class.forName(className, false, loader);
                        if (type.isRecord()) {
                            found.putIfAbsent(type.getSimpleName(), type);
                        }
                    } catch (ClassNotFoundException | LinkageError e) {
                        // not one of ours to describe
                    }
                }
            }
        } catch (IOException | URISyntaxException e) {
            LOG.log(Level.WARNING, "cannot list the application's records for /openapi", e);
        }
        return found;
    }

    private static List<String> classNames(URL root) throws IOException, URISyntaxException {
        if ("file".equals(root.getProtocol())) {
            Path base = Path.of(root.toURI()).getParent().getParent();
            try (Stream<Path> files = Files.walk(Path.of(root.toURI()))) {
                return files.filter(f -> f.toString().endsWith(".class"))
                        .map(f -> base.relativize(f).toString())
                        .map(OpenApiContract::className)
                        .collect(Collectors.toList());
            }
        }
        if (root.openConnection() instanceof JarURLConnection jar) {
            try (var file = jar.getJarFile()) {
                return file.stream()
                        .map(entry -> entry.getName())
                        .filter(name -> name.startsWith(PACKAGE) && name.endsWith(".class"))
                        .map(OpenApiContract::className)
                        .collect(Collectors.toList());
            }
        }
        return List.of();
    }

    private static String className(String resource) {
        return resource.substring(0, resource.length() - ".class".length())
                .replace('/', '.')
                .replace('\\', '.');
    }
}
