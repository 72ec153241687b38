package org.asicscm.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

@ApplicationPath("api")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "ASIC supply chain",
                        // the build's version replaces this (OpenApiContract, from the POM)
                        version = "unknown",
                        description = "Wafer allocation, board assembly in Bao'an, QA and export shipments"))
public class ScmApplication extends Application {}
