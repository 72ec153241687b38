package org.asicscm.platform;

import jakarta.annotation.sql.DataSourceDefinition;

/**
 * The application's own datasource. Every value comes from MicroProfile Config (defaults in
 * META-INF/microprofile-config.properties, overridable by SCM_DB_URL and friends), so
 * PostgreSQL is a matter of configuration.
 */
@DataSourceDefinition(
        name = DataSources.SCM,
        className = "${MPCONFIG=scm.db.class}",
        url = "${MPCONFIG=scm.db.url}",
        user = "${MPCONFIG=scm.db.user}",
        password = "${MPCONFIG=scm.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=auto-commit"
        })
public final class DataSources {
    public static final String SCM = "java:app/jdbc/scm";

    private DataSources() {
    }
}
