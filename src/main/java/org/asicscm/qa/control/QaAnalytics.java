package org.asicscm.qa.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.asicscm.events.Events.UnitKind;

/**
 * Yield, first-pass yield, failures per 1,000 units and rework loops by product, factory, line,
 * wafer lot, lot and bin or week; and the failure Pareto (factory tests and field returns) by
 * code, lot, lot and bin, line or factory. Each is one grouped query on QA's own tables and its
 * genealogy; docs/qa.md defines every figure.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class QaAnalytics {

    public enum Dimension {
        PRODUCT,
        FACTORY,
        LINE,
        LOT,
        BIN,
        WEEK,
        CODE
    }

    /**
     * The filters every report takes: units of a kind (yield: BOARD unless given; Pareto: both
     * unless given), tested (or failed, or returned) in [from, to), of a product, at a factory.
     */
    public record Filters(UnitKind kind, LocalDate from, LocalDate to, String product, String factoryId) {}

    /**
     * One group's yield. yield: units that passed a factory test over units tested; firstPassYield:
     * units that passed their first test over units tested; failuresPer1000: failed factory tests
     * per 1,000 units tested; meanReworkLoops: rework loops per unit tested.
     */
    public record YieldRow(
            String key,
            long tested,
            long firstPassed,
            long passed,
            long scrapped,
            long failures,
            long reworkLoops,
            BigDecimal yield,
            BigDecimal firstPassYield,
            BigDecimal failuresPer1000,
            BigDecimal meanReworkLoops) {

        static YieldRow of(String key, long[] c) {
            return new YieldRow(
                    key,
                    c[0],
                    c[1],
                    c[2],
                    c[3],
                    c[4],
                    c[5],
                    ratio(c[2], c[0], 1),
                    ratio(c[1], c[0], 1),
                    ratio(c[4], c[0], 1000),
                    ratio(c[5], c[0], 1));
        }
    }

    /** One bar of a Pareto: failures at the factory's tests and in the field, and the running share. */
    public record ParetoRow(
            String key,
            long factoryFailures,
            long fieldFailures,
            long failures,
            BigDecimal share,
            BigDecimal cumulativeShare) {}

    @PersistenceContext
    EntityManager em;

    public List<YieldRow> yieldBy(Dimension by, Filters filters) {
        if (by == Dimension.CODE) {
            throw new IllegalArgumentException("yield is not grouped by failure code");
        }
        if (filters.kind() == null) {
            filters = new Filters(UnitKind.BOARD, filters.from(), filters.to(), filters.product(), filters.factoryId());
        }
        var where = new ArrayList<Object>();
        String key = by == Dimension.WEEK ? "cast(u.first_tested_at as date)" : keyOf(by);
        // each unit once per group (a machine's three boards may share a line or a lot), then its counters
        String sql = "select k.k, count(*), sum(case when u.first_pass = true then 1 else 0 end),"
                + " sum(case when u.passed_at_factory = true then 1 else 0 end),"
                + " sum(case when u.status = 'SCRAPPED' then 1 else 0 end), sum(u.factory_failures),"
                + " sum(u.rework_loops)"
                + " from (select distinct u.serial, " + key + " k from qa_unit u" + boards(filters.kind())
                + runs(by) + " where u.first_pass is not null" + filtered(filters, "u.first_tested_at", where)
                + ") k join qa_unit u on u.serial = k.serial group by k.k";
        Map<String, long[]> groups = new TreeMap<>();
        for (Object[] r : rows(sql, where)) {
            String k = by == Dimension.WEEK ? week(r[0]) : String.valueOf(r[0]);
            long[] c = groups.computeIfAbsent(k, x -> new long[6]);
            for (int i = 0; i < 6; i++) {
                c[i] += ((Number) r[i + 1]).longValue();
            }
        }
        var out = new ArrayList<YieldRow>();
        groups.forEach((k, c) -> out.add(YieldRow.of(k, c)));
        return out;
    }

    /** Failed factory tests and field returns: the failures a Pareto counts. */
    private static final String FAILURES = "(select id, serial, failure_code code, 'FACTORY' source, tested_at at"
            + " from qa_test where outcome = 'FAILED' and field_return = false"
            + " union all select id, serial, reported_failure code, 'FIELD' source, received_at at from qa_return)";

    public List<ParetoRow> pareto(Dimension by, String code, Filters filters) {
        if (by == Dimension.WEEK || by == Dimension.PRODUCT) {
            throw new IllegalArgumentException("a Pareto is by code, lot, bin, line or factory");
        }
        String key = by == Dimension.CODE ? "t.code" : keyOf(by);
        var params = new ArrayList<Object>();
        // boards and machines reach their boards by different indexed joins; one branch each
        var branches = new ArrayList<String>();
        for (UnitKind kind : filters.kind() == null ? UnitKind.values() : new UnitKind[] {filters.kind()}) {
            branches.add("select t.id, t.source, " + key + " k from " + FAILURES + " t"
                    + " join qa_unit u on u.serial = t.serial" + boards(kind) + runs(by)
                    + " where u.kind = ?" + param(params, kind.name())
                    + (code == null ? "" : " and t.code = ?" + param(params, code))
                    + filtered(filters, "t.at", params));
        }
        String sql = "select x.k, sum(case when x.source = 'FACTORY' then 1 else 0 end),"
                + " sum(case when x.source = 'FIELD' then 1 else 0 end) from (select distinct * from ("
                + String.join(" union all ", branches) + ") y) x group by x.k";
        var bars = new ArrayList<long[]>();
        var keys = new ArrayList<String>();
        long total = 0;
        for (Object[] r : rows(sql, params)) {
            long factory = ((Number) r[1]).longValue();
            long field = ((Number) r[2]).longValue();
            keys.add(String.valueOf(r[0]));
            bars.add(new long[] {factory, field});
            total += factory + field;
        }
        var order = new ArrayList<Integer>();
        for (int i = 0; i < keys.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingLong(i -> -(bars.get(i)[0] + bars.get(i)[1]))
                .thenComparing(keys::get));
        var out = new ArrayList<ParetoRow>();
        long running = 0;
        for (int i : order) {
            long n = bars.get(i)[0] + bars.get(i)[1];
            running += n;
            out.add(new ParetoRow(
                    keys.get(i), bars.get(i)[0], bars.get(i)[1], n, ratio(n, total, 1), ratio(running, total, 1)));
        }
        return out;
    }

    private static String keyOf(Dimension by) {
        return switch (by) {
            case PRODUCT -> "u.product";
            case FACTORY -> "b.factory_id";
            case LINE -> "b.line_code";
            case LOT -> "r.lot_number";
            case BIN -> "r.lot_number || '/' || r.bin";
            default -> throw new IllegalArgumentException(by.name());
        };
    }

    /** The unit's boards: itself, or a machine's three. */
    private static String boards(UnitKind kind) {
        return kind == UnitKind.MACHINE
                ? " left join gen_board b on b.machine_serial = u.serial"
                : " left join gen_board b on b.serial = u.serial";
    }

    /** The boards' die runs, when grouping by lot. */
    private static String runs(Dimension by) {
        return by == Dimension.LOT || by == Dimension.BIN ? " join gen_die_run r on r.board_serial = b.serial" : "";
    }

    private static String filtered(Filters filters, String time, List<Object> params) {
        var sql = new StringBuilder();
        if (!time.startsWith("t.") && filters.kind() != null) {
            sql.append(" and u.kind = ?").append(param(params, filters.kind().name()));
        }
        if (filters.from() != null) {
            sql.append(" and ").append(time).append(" >= ?").append(param(params, start(filters.from())));
        }
        if (filters.to() != null) {
            sql.append(" and ").append(time).append(" < ?").append(param(params, start(filters.to())));
        }
        if (filters.product() != null) {
            sql.append(" and u.product = ?").append(param(params, filters.product()));
        }
        if (filters.factoryId() != null) {
            sql.append(" and b.factory_id = ?").append(param(params, filters.factoryId()));
        }
        return sql.toString();
    }

    private static int param(List<Object> params, Object value) {
        params.add(value);
        return params.size();
    }

    private static OffsetDateTime start(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, List<Object> params) {
        Query query = em.createNativeQuery(sql);
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return query.getResultList();
    }

    /** ISO week of a UTC date, e.g. 2026-W48. */
    private static String week(Object day) {
        LocalDate date = day instanceof java.sql.Date d ? d.toLocalDate() : LocalDate.parse(String.valueOf(day));
        return String.format(
                "%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    static BigDecimal ratio(long part, long whole, int scale) {
        if (whole == 0) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(part)
                .multiply(BigDecimal.valueOf(scale))
                .divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
