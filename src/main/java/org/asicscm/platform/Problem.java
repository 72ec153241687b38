package org.asicscm.platform;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An RFC 9457 problem-details body, with our extensions ({@code errors}, domain figures). */
public final class Problem {
    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType TYPE = MediaType.valueOf(MEDIA_TYPE);

    /** One invalid input: the JSON path of the field and what is wrong with it. */
    public record FieldError(String field, String message) {}

    private Problem() {}

    /**
     * The same body written straight to a servlet response, for the answers given before or
     * outside the REST layer (sign-in, idempotency keys, the container's own errors).
     */
    public static void write(
            jakarta.servlet.http.HttpServletResponse response,
            int status,
            String type,
            String title,
            String detail,
            String field)
            throws java.io.IOException {
        var body = jakarta.json.Json.createObjectBuilder()
                .add("type", "urn:asic-scm:problem:" + type)
                .add("title", title)
                .add("status", status)
                .add("detail", detail);
        if (field != null) {
            body.add(
                    "errors",
                    jakarta.json.Json.createArrayBuilder()
                            .add(jakarta.json.Json.createObjectBuilder()
                                    .add("field", field)
                                    .add("message", detail)));
            body.add("code", type);
        }
        byte[] bytes = body.build().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    public static Response response(
            int status,
            String type,
            String title,
            String detail,
            List<FieldError> errors,
            Map<String, Object> extensions) {
        var body = new LinkedHashMap<String, Object>();
        body.put("type", "urn:asic-scm:problem:" + type);
        body.put("title", title);
        body.put("status", status);
        if (detail != null) {
            body.put("detail", detail);
        }
        if (errors != null && !errors.isEmpty()) {
            body.put("errors", errors);
        }
        if (extensions != null) {
            body.putAll(extensions);
        }
        return Response.status(status).type(TYPE).entity(body).build();
    }
}
