package org.asicscm.qa.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.asicscm.qa.entity.QualityHold.Scope;

/**
 * Recall forward: from a wafer lot (or a lot and bin), a control-board or PSU lot or a firmware
 * version to every board and machine that carries it and where each is now. One indexed query
 * per page on QA's genealogy tables; the summary is one grouped query over the same set.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class Recall {

    /** Where an affected unit is now. */
    public enum Location {
        IN_WIP,
        IN_QA,
        IN_STOCK,
        SHIPPED,
        DELIVERED,
        RETURNED,
        SCRAPPED
    }

    /** What is recalled: a scope and its subject (lot number, supplier lot, firmware), and the bin for LOT_BIN. */
    public record Subject(Scope scope, String subject, String bin) {}

    /**
     * One affected unit: a board (with the machine it is in, if any) for lot scopes, a machine
     * for control-board and PSU lots, either for firmware.
     *
     * @param diesFromSubject for lot scopes, how many of the board's chips came from the lot (and bin)
     */
    public record Row(
            String boardSerial,
            String machineSerial,
            Integer chain,
            Integer diesFromSubject,
            String buildOrderId,
            String orderNumber,
            String lineCode,
            String factoryId,
            String shift,
            Location location,
            String shipmentId,
            String customerId,
            String customerName,
            String destinationCountry) {}

    /**
     * @param rows the affected set: boards for lot scopes, machines for supplier lots, units for firmware
     * @param byLocation the rows by where they are now
     */
    public record Summary(long rows, long boards, long machines, Map<Location, Long> byLocation) {}

    private static final String COLUMNS =
            "select b.serial, m.serial, b.chain, %s, coalesce(b.build_order_id, m.build_order_id), o.order_number,"
                    + " b.line_code, b.factory_id, b.shift, qb.status, qm.status, m.shipment_id, m.customer_id,"
                    + " m.customer_name, m.destination_country, m.delivered_at, ret.n";

    private static final String AROUND = " left join qa_order o on o.build_order_id = coalesce(b.build_order_id,"
            + " m.build_order_id)"
            + " left join qa_unit qb on qb.serial = b.serial"
            + " left join qa_unit qm on qm.serial = m.serial"
            + " left join (select serial, count(*) n from qa_return where status = 'OPEN' group by serial) ret"
            + " on ret.serial = m.serial";

    @PersistenceContext
    EntityManager em;

    public List<Row> rows(Subject subject, int page, int size) {
        String sql = String.format(
                        COLUMNS,
                        subject.scope() == Scope.WAFER_LOT || subject.scope() == Scope.LOT_BIN ? "d.dies" : "null")
                + from(subject)
                + AROUND
                + where(subject)
                + " order by coalesce(b.serial, m.serial) limit " + size + " offset " + ((long) page * size);
        Query query = bind(em.createNativeQuery(sql), subject);
        @SuppressWarnings("unchecked")
        List<Object[]> found = query.getResultList();
        return found.stream().map(Recall::row).toList();
    }

    public Summary summary(Subject subject) {
        String shipped = "case when m.shipment_id is null then 0 else 1 end";
        String delivered = "case when m.delivered_at is null then 0 else 1 end";
        String returned = "case when ret.n is null then 0 else 1 end";
        String sql = "select qb.status, qm.status, " + shipped + ", " + delivered + ", " + returned
                + ", count(b.serial), count(*)"
                + from(subject) + AROUND + where(subject)
                + " group by qb.status, qm.status, " + shipped + ", " + delivered + ", " + returned;
        @SuppressWarnings("unchecked")
        List<Object[]> groups = bind(em.createNativeQuery(sql), subject).getResultList();
        long boards = 0;
        long rows = 0;
        var byLocation = new EnumMap<Location, Long>(Location.class);
        for (Object[] g : groups) {
            boards += ((Number) g[5]).longValue();
            Location location = location(
                    (String) g[0],
                    (String) g[1],
                    ((Number) g[2]).intValue() == 1,
                    ((Number) g[3]).intValue() == 1,
                    ((Number) g[4]).intValue() == 1);
            byLocation.merge(location, ((Number) g[6]).longValue(), Long::sum);
            rows += ((Number) g[6]).longValue();
        }
        return new Summary(rows, boards, machines(subject), byLocation);
    }

    /** The machines that carry the subject now. */
    public List<String> machineSerials(Subject subject) {
        @SuppressWarnings("unchecked")
        List<String> serials = bind(
                        em.createNativeQuery("select distinct m.serial" + from(subject) + where(subject)), subject)
                .getResultList();
        return serials.stream().filter(java.util.Objects::nonNull).sorted().toList();
    }

    private long machines(Subject subject) {
        String sql = "select count(distinct m.serial)" + from(subject) + where(subject);
        return ((Number) bind(em.createNativeQuery(sql), subject).getSingleResult()).longValue();
    }

    /** The affected set: boards joined to their machine (b, m), and d for lot scopes. */
    private static String from(Subject subject) {
        return switch (subject.scope()) {
            case WAFER_LOT, LOT_BIN ->
                " from (select r.board_serial, sum(r.last_chip - r.first_chip + 1) dies"
                        + " from gen_die_run r where r.lot_number = ?1"
                        + (subject.scope() == Scope.LOT_BIN ? " and r.bin = ?2" : "")
                        + " group by r.board_serial) d"
                        + " join gen_board b on b.serial = d.board_serial"
                        + " left join gen_machine m on m.serial = b.machine_serial";
            case CONTROL_BOARD_LOT, PSU_LOT -> " from gen_machine m left join gen_board b on 1 = 0";
            case FIRMWARE ->
                " from qa_unit u"
                        + " left join gen_board b on b.serial = u.serial and u.kind = 'BOARD'"
                        + " left join gen_machine m on m.serial = case when u.kind = 'MACHINE' then u.serial"
                        + " else b.machine_serial end";
        };
    }

    /** The condition on the affected set (lot scopes have theirs inside from). */
    private static String where(Subject subject) {
        return switch (subject.scope()) {
            case WAFER_LOT, LOT_BIN -> "";
            case CONTROL_BOARD_LOT -> " where m.control_board_lot = ?1";
            case PSU_LOT -> " where m.psu_lot = ?1";
            case FIRMWARE -> " where u.firmware = ?1";
        };
    }

    private static Query bind(Query query, Subject subject) {
        query.setParameter(1, subject.subject());
        if (subject.scope() == Scope.LOT_BIN) {
            query.setParameter(2, subject.bin());
        }
        return query;
    }

    private static Row row(Object[] r) {
        Location location = location((String) r[9], (String) r[10], r[11] != null, r[15] != null, r[16] != null);
        return new Row(
                (String) r[0],
                (String) r[1],
                r[2] == null ? null : ((Number) r[2]).intValue(),
                r[3] == null ? null : ((Number) r[3]).intValue(),
                (String) r[4],
                (String) r[5],
                (String) r[6],
                (String) r[7],
                (String) r[8],
                location,
                (String) r[11],
                (String) r[12],
                (String) r[13],
                (String) r[14]);
    }

    /** A board in a machine is where its machine is; a return open on the machine wins over its journey. */
    static Location location(
            String boardStatus, String machineStatus, boolean shipped, boolean delivered, boolean returned) {
        if (returned) {
            return Location.RETURNED;
        }
        if (delivered) {
            return Location.DELIVERED;
        }
        if (shipped) {
            return Location.SHIPPED;
        }
        String status = machineStatus != null ? machineStatus : boardStatus;
        if (status == null) {
            return Location.IN_WIP;
        }
        return switch (status) {
            case "SCRAPPED" -> Location.SCRAPPED;
            case "PASSED" -> Location.IN_STOCK;
            default -> Location.IN_QA;
        };
    }
}
