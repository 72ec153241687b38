package org.asicscm.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Makes /openapi say what the API does. Payara 6.2025.10's generator (payara/Payara#7649) loses
 * the records' bean-validation constraints, which {@link RecordSchemas} puts back. This filter
 * also states the build's version, gives every operation a unique operationId from its method
 * and path, names its success (201 or 200) and lists the problem answers it can give.
 */
public class OpenApiContract implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        List<Class<?>> classes = ApplicationClasses.all();
        if (openAPI.getInfo() != null) {
            openAPI.getInfo().version(version());
        }
        onceEachTag(openAPI);
        openAPI.getComponents().addSchema(PROBLEM, ContractSchemas.problem());
        openAPI.getComponents().addSchema(LOGGED_EVENT, ContractSchemas.loggedEvent());
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            var records = RecordSchemas.byName(classes);
            openAPI.getComponents().getSchemas().forEach((name, schema) -> {
                Class<?> type = records.get(name);
                if (type != null) {
                    RecordSchemas.constrain(schema, type);
                }
            });
        }
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            var creating = creatingOperations(classes);
            var roles = operationRoles(classes);
            openAPI.getPaths().getPathItems().forEach((path, item) -> describe(path, item, creating, roles));
            openAPI.getComponents()
                    .addSecurityScheme(
                            BASIC,
                            OASFactory.createSecurityScheme()
                                    .type(org.eclipse.microprofile.openapi.models.security.SecurityScheme.Type.HTTP)
                                    .scheme("basic")
                                    .description(
                                            "A user name and password (POST /api/session signs a page in instead)"));
        }
    }

    private static final String PROBLEM = "Problem";
    private static final String LOGGED_EVENT = "LoggedEvent";
    static final String EVENT_LOG_PATH = "/api/events";

    /**
     * Payara lists a class-level tag once per resource class that carries it; a tag name may
     * appear once (OpenAPI 3.0, and generated clients group operations by it). The description
     * comes from {@link ScmApplication}'s definition.
     */
    static void onceEachTag(OpenAPI openAPI) {
        if (openAPI.getTags() == null) {
            return;
        }
        var byName = new java.util.LinkedHashMap<String, org.eclipse.microprofile.openapi.models.tags.Tag>();
        for (var tag : openAPI.getTags()) {
            var seen = byName.get(tag.getName());
            if (seen == null || (seen.getDescription() == null && tag.getDescription() != null)) {
                byName.put(tag.getName(), tag);
            }
        }
        openAPI.setTags(new java.util.ArrayList<>(byName.values()));
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

    /** A unique operationId, and the problem answers the operation can give beside its success. */
    private static void describe(
            String path, PathItem item, java.util.Set<String> creating, Map<String, List<String>> roles) {
        if (item.getOperations() == null) {
            return;
        }
        item.getOperations().forEach((method, operation) -> {
            operation.operationId(operationId(method, path));
            success(method, path, operation, creating);
            problems(method, path, operation);
            access(operation, roles.get(method + " " + path.replaceFirst("^/api/", "/")));
        });
        if (EVENT_LOG_PATH.equals(path) && item.getGET() != null) {
            var ok = item.getGET().getResponses().getAPIResponse("200");
            if (ok != null && ok.getContent() != null) {
                ok.getContent()
                        .getMediaTypes()
                        .values()
                        .forEach(media -> media.getSchema()
                                .items(OASFactory.createSchema().ref(LOGGED_EVENT)));
            }
        }
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

    static final String BASIC = "basic";
    /** The roles an operation allows, as an extension a client (and AccessIT) can read. */
    public static final String ROLES_EXTENSION = "x-roles";

    /**
     * Who may call the operation: its roles (x-roles), HTTP Basic, and the 401 and 403 it answers
     * to others. An operation open to anyone ({@code @PermitAll}) states no security.
     */
    private static void access(Operation operation, List<String> roles) {
        if (roles == null) {
            // @PermitAll, or a method the scan did not see: AccessIT fails on the latter
            operation.addExtension(ROLES_EXTENSION, List.of("*"));
            return;
        }
        operation.addExtension(ROLES_EXTENSION, roles);
        operation.security(List.of(OASFactory.createSecurityRequirement().addScheme(BASIC)));
        operation.getResponses().addAPIResponse("401", problem("Not signed in (or a wrong name or password)"));
        operation.getResponses().addAPIResponse("403", problem("Signed in without a role this operation allows"));
    }

    /** "GET /build-orders/{id}" and the like, to the roles {@link RoleCheck} allows; absent if anyone may. */
    static Map<String, List<String>> operationRoles(List<Class<?>> classes) {
        var found = new java.util.HashMap<String, List<String>>();
        for (Class<?> type : classes) {
            jakarta.ws.rs.Path root = type.getAnnotation(jakarta.ws.rs.Path.class);
            if (root == null) {
                continue;
            }
            for (var javaMethod : type.getDeclaredMethods()) {
                String http = httpMethod(javaMethod);
                if (http == null) {
                    continue;
                }
                List<String> allowed = RoleCheck.allowed(javaMethod);
                if (allowed != null) {
                    found.put(http + " " + path(root, javaMethod), allowed);
                }
            }
        }
        return found;
    }

    private static String httpMethod(java.lang.reflect.Method method) {
        for (var annotation : method.getAnnotations()) {
            var http = annotation.annotationType().getAnnotation(jakarta.ws.rs.HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static String path(jakarta.ws.rs.Path root, java.lang.reflect.Method method) {
        jakarta.ws.rs.Path own = method.getAnnotation(jakarta.ws.rs.Path.class);
        return ("/" + root.value() + "/" + (own == null ? "" : own.value()))
                .replaceAll("/+", "/")
                .replaceAll("(.)/$", "$1");
    }

    /** "POST /build-orders" and the like: the resource methods that answer a Response to a POST. */
    static java.util.Set<String> creatingOperations(List<Class<?>> classes) {
        var found = new java.util.HashSet<String>();
        for (Class<?> type : classes) {
            jakarta.ws.rs.Path root = type.getAnnotation(jakarta.ws.rs.Path.class);
            if (root == null) {
                continue;
            }
            for (var javaMethod : type.getDeclaredMethods()) {
                if (javaMethod.isAnnotationPresent(jakarta.ws.rs.POST.class)
                        && javaMethod.getReturnType() == jakarta.ws.rs.core.Response.class) {
                    jakarta.ws.rs.Path own = javaMethod.getAnnotation(jakarta.ws.rs.Path.class);
                    String path = ("/" + root.value() + "/" + (own == null ? "" : own.value()))
                            .replaceAll("/+", "/")
                            .replaceAll("(.)/$", "$1");
                    found.add("POST " + path);
                }
            }
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
        if ((method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT) && !named.containsKey("409")) {
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
                                .schema(OASFactory.createSchema().ref(PROBLEM)));
        return OASFactory.createAPIResponse().description(description).content(content);
    }
}
