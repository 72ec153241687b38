package org.asicscm.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Puts the build's version into /openapi: an annotation can only hold a literal, and a literal
 * here would be one more copy of the POM's version to forget. Read from the WAR's own
 * asic-scm.properties: Payara builds the document on a thread that does not see the
 * application's MicroProfile Config.
 */
public class OpenApiInfo implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getInfo() != null) {
            openAPI.getInfo().version(version());
        }
    }

    static String version() {
        var built = new Properties();
        try (var in = OpenApiInfo.class.getResourceAsStream("/asic-scm.properties")) {
            if (in == null) {
                throw new IllegalStateException("asic-scm.properties is missing from the build");
            }
            built.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return built.getProperty("version");
    }
}
