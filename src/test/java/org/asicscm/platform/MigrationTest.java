package org.asicscm.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.DriverManager;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The migrations apply on the H2 that Payara Micro bundles, and the schema guards stock itself. */
class MigrationTest {
    private static final String CHECK_VIOLATION = "23513";

    @Test
    void migrationsApplyAndTheDatabaseRefusesOverAllocation() throws SQLException {
        var dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:migration-test;DB_CLOSE_DELAY=-1");
        var result = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        assertEquals("24", result.targetSchemaVersion);

        try (var connection = DriverManager.getConnection("jdbc:h2:mem:migration-test");
                var statement = connection.createStatement()) {
            statement.execute("insert into chip_model (code, process_node) values ('BM1398', '7nm')");
            statement.execute(
                    "insert into wafer_lot (id, lot_number, chip_model, wafer_count, received_at, correlation_id, version)"
                            + " values ('lot-1', 'LOT-1', 'BM1398', 25, current_timestamp, 'c', 1)");
            statement.execute("insert into lot_bin values ('bin-1', 'lot-1', 'B1', 100, 100, 1)");
            // refused by the check constraint itself (SQLState 23513), not by some other rule
            var overAllocated = assertThrows(
                    SQLException.class,
                    () -> statement.execute("update lot_bin set allocated_dies = 101 where id = 'bin-1'"));
            assertEquals(CHECK_VIOLATION, overAllocated.getSQLState(), overAllocated.getMessage());
            var bornOverAllocated = assertThrows(
                    SQLException.class,
                    () -> statement.execute("insert into lot_bin values ('bin-2', 'lot-1', 'B2', 5, 6, 1)"));
            assertEquals(CHECK_VIOLATION, bornOverAllocated.getSQLState(), bornOverAllocated.getMessage());
            statement.execute("insert into lot_bin values ('bin-3', 'lot-1', 'B3', 5, 5, 1)");
            // the relays' turn-taking row exists once, and only once
            try (var rows = statement.executeQuery("select count(*) from outbox_relay_lock")) {
                rows.next();
                assertEquals(1, rows.getInt(1));
            }
            assertThrows(SQLException.class, () -> statement.execute("insert into outbox_relay_lock (id) values (1)"));
            // a role outside the six is refused by the schema too
            statement.execute("insert into app_user values ('lin.wei', null, 'hash', true, current_timestamp, 'x', 1)");
            statement.execute("insert into app_user_role values ('lin.wei', 'planner')");
            var unknownRole = assertThrows(
                    SQLException.class,
                    () -> statement.execute("insert into app_user_role values ('lin.wei', 'root')"));
            assertEquals(CHECK_VIOLATION, unknownRole.getSQLState(), unknownRole.getMessage());
            // four eyes, in the schema too: nobody approves their own request
            var ownApproval = assertThrows(
                    SQLException.class,
                    () -> statement.execute("insert into approval (id, kind, subject_id, details, status, requested_by,"
                            + " requested_at, decided_by, decided_at, version) values ('a-1', 'LOT_RELEASE', 'lot-1', '{}',"
                            + " 'APPROVED', 'lin.wei', current_timestamp, 'lin.wei', current_timestamp, 1)"));
            assertEquals(CHECK_VIOLATION, ownApproval.getSQLState(), ownApproval.getMessage());
        }
    }

    @Test
    void theLogisticsTablesKeepASerialInOneCartonAndAReviewToASecondPerson() throws SQLException {
        var dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:logistics-tables;DB_CLOSE_DELAY=-1");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        try (var connection = DriverManager.getConnection("jdbc:h2:mem:logistics-tables");
                var statement = connection.createStatement()) {
            statement.execute("insert into customer (id, name, country) values ('c-1', 'Almaty Compute', 'KZ')");
            statement.execute(
                    "insert into shipment (id, customer_id, mode, carrier, incoterm, destination_country,"
                            + " hs_code, declared_value_usd, status, correlation_id, booked_at, version)"
                            + " values ('s-1', 'c-1', 'AIR', 'SF', 'DAP', 'KZ', '8471.50', 1, 'BOOKED', 'c', current_timestamp, 0)");
            for (int n = 1; n <= 2; n++) {
                statement.execute("insert into carton (id, shipment_id, number, gross_kg, net_kg, length_cm, width_cm,"
                        + " height_cm, packed_by, packed_at) values ('k-" + n + "', 's-1', " + n
                        + ", 16, 14, 57, 33, 29, 'lin.wei', current_timestamp)");
            }
            statement.execute("insert into carton_item (serial, carton_id) values ('M-1', 'k-1')");
            var twice = assertThrows(
                    SQLException.class,
                    () -> statement.execute("insert into carton_item (serial, carton_id) values ('M-1', 'k-2')"));
            assertEquals("23505", twice.getSQLState(), twice.getMessage());
            String decision = "insert into screening_decision (id, shipment_id, party_role, party_name, list_version,"
                    + " threshold, outcome, screened_by, screened_at, reviewed_by, version)"
                    + " values ('%s', 's-1', 'CUSTOMER', 'Almaty Compute', 'L-1', 0.9, 'CLEARED', 'lin.wei',"
                    + " current_timestamp, '%s', 0)";
            var sameReviewer =
                    assertThrows(SQLException.class, () -> statement.execute(decision.formatted("d-1", "lin.wei")));
            assertEquals(CHECK_VIOLATION, sameReviewer.getSQLState(), sameReviewer.getMessage());
            statement.execute(decision.formatted("d-2", "zhang.min"));
            statement.execute(
                    "insert into app_user (username, display_name, password_hash, enabled, created_at,"
                            + " created_by, version) values ('sf-api', 'SF Express', 'x', true, current_timestamp, 'admin', 0)");
            statement.execute("insert into app_user_role (username, role) values ('sf-api', 'carrier')");
            statement.execute(
                    "insert into factory (id, code, name, sub_district) values ('f-1', 'XX1', 'X', 'XIXIANG')");
            var frozenTooLong = assertThrows(
                    SQLException.class,
                    () -> statement.execute("update factory set frozen_days = 61 where id = 'f-1'"));
            assertEquals(CHECK_VIOLATION, frozenTooLong.getSQLState(), frozenTooLong.getMessage());
            statement.execute("insert into item (code, description, kind, uom, lot_tracked, created_at, version)"
                    + " values ('HS-1', 'Heat sink', 'HEAT_SINK', 'EA', false, current_timestamp, 0)");
            var negativeCount = assertThrows(
                    SQLException.class,
                    () -> statement.execute("insert into part_count (id, item_code, location, supplier_lot,"
                            + " on_record, counted, unposted, counted_by, counted_at)"
                            + " values ('c-1', 'HS-1', 'f-1', '-', 3, -1, 0, 'lin.wei', current_timestamp)"));
            assertEquals(CHECK_VIOLATION, negativeCount.getSQLState(), negativeCount.getMessage());
        }
    }
}
