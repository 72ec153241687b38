package org.asicscm.platform;

import jakarta.annotation.sql.DataSourceDefinition;

/**
 * The application's own datasource. Every value comes from the SCM_DB_* environment variables
 * (through MicroProfile Config, the password directly), whose defaults start-micro.sh sets (file
 * H2 under the data directory), so PostgreSQL is a matter of configuration.
 */
@DataSourceDefinition(
        name = DataSources.SCM,
        className = "${MPCONFIG=scm.db.class}",
        url = "${MPCONFIG=scm.db.url}",
        user = "${MPCONFIG=scm.db.user}",
        // ENV, not MPCONFIG: MicroProfile Config treats an empty value as missing, and Payara then
        // kept the unresolved text as the password (an H2 file created with "sa" and no password got
        // the literal "${MPCONFIG=scm.db.password}"). start-micro.sh always exports the variable.
        password = "${ENV=SCM_DB_PASSWORD}",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=auto-commit"
        })
public final class DataSources {
    public static final String SCM = "java:app/jdbc/scm";

    private DataSources() {}
}
