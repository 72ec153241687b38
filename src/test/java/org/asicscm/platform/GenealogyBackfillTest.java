package org.asicscm.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * An installation upgraded from schema 13 keeps its traceability: what was built, tested and
 * shipped before QA kept a genealogy is in it after the upgrade (V17), with the counters yield
 * reads.
 */
class GenealogyBackfillTest {

    private static Flyway flyway(JdbcDataSource dataSource, String target) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .target(target)
                .load();
    }

    private static void run(Connection db, String... statements) throws SQLException {
        try (var statement = db.createStatement()) {
            for (String sql : statements) {
                statement.executeUpdate(sql);
            }
        }
    }

    private static List<String> rows(Connection db, String sql) throws SQLException {
        var rows = new ArrayList<String>();
        try (var statement = db.createStatement();
                var rs = statement.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                var row = new ArrayList<String>();
                for (int i = 1; i <= columns; i++) {
                    row.add(String.valueOf(rs.getObject(i)));
                }
                rows.add(String.join(" ", row));
            }
        }
        return rows;
    }

    @Test
    void whatWasBuiltBeforeIsTracedAfterTheUpgrade() throws SQLException {
        var dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:backfill-test;DB_CLOSE_DELAY=-1");
        flyway(dataSource, "13").migrate();
        try (var db = dataSource.getConnection()) {
            String t = "timestamp with time zone '2026-11-20 08:00:00+00'";
            run(
                    db,
                    "insert into chip_model (code, process_node) values ('BM1398', '7nm')",
                    "insert into build_order values ('bo-old', 'BO-OLD', 'S19P', 'BM1398', 108, 3, 1, date '2026-12-20',"
                            + " null, 'SCHEDULED', 'c-old', " + t + ", 1, 5, 0)",
                    "insert into build_kit values ('bo-old', 'BO-OLD', 'BM1398', 108, 3, 1, 'c-old', 1, 'S19P',"
                            + " date '2026-12-20', 5, null, 0, 0, false, 0)",
                    "insert into factory (id, code, name, sub_district) values ('f-1', 'FY1', 'Fuyong Works', 'FUYONG')",
                    "insert into assembly_line values ('l-1', 'f-1', 'SMT-1', 500, 2)",
                    "insert into machine values ('M-OLD', 'bo-old', 'CB-OLD', 'PSU-OLD', 'PASSED', " + t + ", 1)");
            for (String board : List.of("HB-O1", "HB-O2", "HB-O3")) {
                run(
                        db,
                        "insert into hashboard values ('" + board + "', 'bo-old', 'l-1', 'BM1398', 108, 'PASSED',"
                                + " 'M-OLD', " + t + ", 1)");
            }
            run(
                    db,
                    "insert into board_die_source values ('HB-O1', 'a-1', 'lot-a', 'LOT-A', 'B1', 60)",
                    "insert into board_die_source values ('HB-O1', 'a-2', 'lot-b', 'LOT-B', 'B1', 48)",
                    "insert into board_die_source values ('HB-O2', 'a-1', 'lot-a', 'LOT-A', 'B1', 108)",
                    "insert into board_die_source values ('HB-O3', 'a-2', 'lot-b', 'LOT-B', 'B1', 108)",
                    "insert into qa_unit (serial, kind, build_order_id, chains, chips_per_chain, status, attempts,"
                            + " correlation_id, updated_at, version) values ('HB-O1', 'BOARD', 'bo-old', 1, 108,"
                            + " 'PASSED', 2, 'c-old', " + t + ", 3)",
                    "insert into qa_test (id, serial, attempt, hashrate_ths, power_w, efficiency_jth, chips_detected,"
                            + " max_temp_c, outcome, failure_code, note, tested_at) values ('t-1', 'HB-O1', 1, 30, 1000,"
                            + " 33.3, '100', 70, 'FAILED', 'ASIC_MISSING', null, " + t + ")",
                    "insert into qa_test (id, serial, attempt, hashrate_ths, power_w, efficiency_jth, chips_detected,"
                            + " max_temp_c, outcome, failure_code, note, tested_at) values ('t-2', 'HB-O1', 2, 33, 1000,"
                            + " 30.3, '108', 70, 'PASSED', null, null, " + t + ")",
                    "insert into qa_disposition values ('d-1', 'HB-O1', 'REWORK', 'reflow', " + t + ")",
                    "insert into customer values ('cu-1', 'Almaty Mining', 'KZ')",
                    "insert into shipment values ('sh-1', 'cu-1', 'AIR', 'SF', 'DAP', 'KZ', '8471.50', 2450, 'DELIVERED',"
                            + " 'c-old', " + t + ", 1)",
                    "insert into shippable_machine values ('M-OLD', 'bo-old', 'c-old', 'sh-1', " + t + ", 1)",
                    "insert into shipment_milestone values ('ms-1', 'sh-1', 'DELIVERED',"
                            + " timestamp with time zone '2026-11-25 10:00:00+00', 'Almaty', null)");
        }

        flyway(dataSource, "latest").migrate();

        try (var db = dataSource.getConnection()) {
            assertEquals(
                    List.of("HB-O1 M-OLD SMT-1 f-1", "HB-O2 M-OLD SMT-1 f-1", "HB-O3 M-OLD SMT-1 f-1"),
                    rows(db, "select serial, machine_serial, line_code, factory_id from gen_board order by serial"));
            assertEquals(
                    List.of("0 59 LOT-A B1", "60 107 LOT-B B1"),
                    rows(
                            db,
                            "select first_chip, last_chip, lot_number, bin from gen_die_run"
                                    + " where board_serial = 'HB-O1' order by first_chip"));
            assertEquals(
                    List.of("sh-1 Almaty Mining KZ 2026-11-25"),
                    rows(
                            db,
                            "select shipment_id, customer_name, destination_country, cast(delivered_at as date)"
                                    + " from gen_machine where serial = 'M-OLD'"));
            assertEquals(
                    List.of("S19P false 1 true 1"),
                    rows(
                            db,
                            "select product, first_pass, factory_failures, passed_at_factory, rework_loops"
                                    + " from qa_unit where serial = 'HB-O1'"));
            assertEquals(List.of("BO-OLD S19P"), rows(db, "select order_number, product from qa_order"));
        }
    }
}
