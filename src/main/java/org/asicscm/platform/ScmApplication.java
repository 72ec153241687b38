package org.asicscm.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationPath("api")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "ASIC supply chain",
                        // the build's version replaces this (OpenApiContract, from the POM)
                        version = "unknown",
                        description = "Wafer allocation, board assembly in Bao'an, QA and export shipments",
                        contact = @Contact(name = "ASIC supply chain maintainers")),
        tags = {
            @Tag(
                    name = "Allocation",
                    description = "Chip models, products, wafer lots and holds, build orders and their dies"),
            @Tag(
                    name = "Assembly",
                    description = "Factories, lines and closures, schedules, kits, hashboards and machines"),
            @Tag(name = "QA", description = "Units under test, verdicts, rework and scrap"),
            @Tag(
                    name = "Shipping",
                    description = "Customers and their orders by grade, shipments in legs, packing, the export release"
                            + " gate, documents and carrier tracking"),
            @Tag(name = "Compliance", description = "Restricted-party lists and screening decisions"),
            @Tag(
                    name = "Materials",
                    description = "Purchased parts and each product's bill of materials, by version, and what a build"
                            + " order needs of them"),
            @Tag(
                    name = "Event log",
                    description = "Events between the stages, and the dead letters a stage could not apply"),
            @Tag(name = "Access", description = "Users and their roles (admin), and a page's sign-in session")
        })
public class ScmApplication extends Application {}
