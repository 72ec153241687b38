package org.asicscm.access.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.asicscm.platform.DataSources;
import org.asicscm.platform.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** How many rows each of the application's tables holds: for an admin watching growth, and for tests that must change nothing. */
@Path("admin/tables")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Access")
@RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
public class TablesResource {

    @Resource(lookup = DataSources.SCM)
    DataSource dataSource;

    @GET
    @Operation(summary = "Rows per table of the application's schema")
    public Map<String, Long> rows() throws SQLException {
        var rows = new TreeMap<String, Long>();
        try (var connection = dataSource.getConnection()) {
            var tables = new java.util.ArrayList<String>();
            try (var found =
                    connection.getMetaData().getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
                while (found.next()) {
                    tables.add(found.getString("TABLE_NAME"));
                }
            }
            for (String table : tables) {
                // names come from the database's own catalogue, quoted as it spells them
                try (var statement = connection.createStatement();
                        var count =
                                statement.executeQuery("select count(*) from \"" + table.replace("\"", "") + "\"")) {
                    count.next();
                    rows.put(table.toLowerCase(Locale.ROOT), count.getLong(1));
                }
            }
        }
        return rows;
    }
}
