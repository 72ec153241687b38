package org.asicscm.bench;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.apache.activemq.broker.BrokerService;
import org.asicscm.events.EventEnvelope;
import org.asicscm.events.Events;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The limit: the pipeline's work without an application server. The same schema (the same
 * Flyway migrations), the same H2 file settings (WRITE_DELAY=0), the same SQL statements per
 * step as the application issues, the same event payloads, and the same number of persistent
 * JMS sends and receives on an embedded ActiveMQ broker with a KahaDB store; plain JDBC, one
 * connection per thread, local transactions (no XA), the same number of client threads, and
 * ten consumers per queue as the resource adapter's default.
 */
final class RawPipeline implements AutoCloseable {
    private static final int CONSUMERS_PER_QUEUE = 10;
    private final String url;
    private final BrokerService broker;
    private final ActiveMQConnectionFactory jms;
    private final Connection jmsConnection;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> consumers = new ArrayList<>();
    private final int clients;
    private final Map<String, List<Double>> hops = new ConcurrentHashMap<>();

    RawPipeline(Path dir, int clients) throws Exception {
        this.clients = clients;
        this.url = "jdbc:h2:file:" + dir.resolve("h2/raw") + ";WRITE_DELAY=0";
        var dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser("sa");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();

        broker = new BrokerService();
        broker.setBrokerName("raw");
        broker.setPersistent(true);
        broker.setUseJmx(false);
        broker.setDataDirectory(dir.resolve("broker").toString());
        broker.addConnector("vm://raw");
        broker.start();
        broker.waitUntilStarted();
        jms = new ActiveMQConnectionFactory("vm://raw?create=false");
        jmsConnection = jms.createConnection();
        jmsConnection.start();
        for (String queue : List.of("scm.qa", "scm.allocation", "scm.assembly", "scm.shipping")) {
            for (int i = 0; i < CONSUMERS_PER_QUEUE; i++) {
                Thread consumer = new Thread(() -> consume(queue), "raw-" + queue + "-" + i);
                consumer.setDaemon(true);
                consumer.start();
                consumers.add(consumer);
            }
        }
    }

    Pipeline run(String name, int machines) throws Exception {
        hops.clear();
        String tag = name + "-" + System.nanoTime();
        String correlation = "raw-" + tag;
        String order;
        String line;
        try (var db = new Db()) {
            order = UUID.randomUUID().toString();
            line = db.fixture(tag, order, correlation, machines);
        }
        double seconds = Clients.run(clients, machines, items -> {
            try (var db = new Db(); var relay = new Relay()) {
                for (int m = items.take(); m >= 0; m = items.take()) {
                    buildAndShip(db, relay, tag + "-" + m, order, line, correlation);
                }
            }
        });
        return new Pipeline(name, machines * 3, seconds, Map.copyOf(hops));
    }

    private void buildAndShip(Db db, Relay relay, String id, String order, String line, String correlation) throws Exception {
        List<String> boards = List.of("HB-" + id + "-1", "HB-" + id + "-2", "HB-" + id + "-3");
        for (String board : boards) {
            relay.publish(db, db.assembleBoard(board, order, line, correlation), "scm.qa", "scm.allocation");
        }
        for (String board : boards) {
            RestPipeline.await(() -> db.qaUnitExists(board));
            relay.publish(db, db.testUnit(board, "BOARD", order, correlation, new int[] {108}), "scm.assembly");
        }
        for (String board : boards) {
            RestPipeline.await(() -> "PASSED".equals(db.boardStatus(board)));
        }
        String machine = "M-" + id;
        relay.publish(db, db.assembleMachine(machine, order, boards, correlation), "scm.qa");
        RestPipeline.await(() -> db.qaUnitExists(machine));
        var tested = db.testUnit(machine, "MACHINE", order, correlation, new int[] {108, 108, 108});
        relay.publish(db, tested.subList(0, 1), "scm.assembly");
        relay.publish(db, tested.subList(1, 2), "scm.shipping");
        RestPipeline.await(() -> db.shippable(machine));
    }

    /** One thread's JDBC connection and the statements of each step. */
    private final class Db implements AutoCloseable {
        final java.sql.Connection c;

        Db() throws SQLException {
            c = DriverManager.getConnection(url, "sa", "");
            c.setAutoCommit(false);
        }

        String fixture(String tag, String order, String correlation, int machines) throws SQLException {
            String chip = "BM1366-" + tag;
            String lot = uuid();
            String bin = uuid();
            String allocation = uuid();
            String factory = uuid();
            String line = uuid();
            int dies = machines * 3 * 108;
            update("insert into chip_model (code, process_node) values (?, '5nm')", chip);
            update("insert into wafer_lot (id, lot_number, chip_model, wafer_count, received_at, correlation_id, version)"
                    + " values (?, ?, ?, 25, ?, ?, 1)", lot, "LOT-" + tag, chip, now(), correlation);
            update("insert into lot_bin values (?, ?, 'B1', ?, ?, 1)", bin, lot, dies, dies);
            update("insert into build_order values (?, ?, 'S21 200 TH/s', ?, 108, 3, ?, ?, null, 'SCHEDULED', ?, ?, 1, 5)",
                    order, "BO-" + tag, chip, machines, java.sql.Date.valueOf(LocalDate.now().plusDays(60)), correlation, now());
            update("insert into die_allocation values (?, ?, ?, ?, 0, 'ACTIVE', ?, null, 1, null)", allocation, order, bin, dies, now());
            update("insert into build_kit values (?, ?, ?, 108, 3, ?, ?, 1, 'S21-200', ?, 5, null, 0, 0, false)", order, "BO-" + tag, chip, machines,
                    correlation, java.sql.Date.valueOf(LocalDate.now().plusDays(60)));
            update("insert into kit_line values (?, ?, ?, ?, 'B1', ?, 0, false, ?, 1, false)", allocation, order, lot, "LOT-" + tag, dies, now());
            update("insert into factory values (?, ?, 'Fuyong Works', 'FUYONG')", factory, "F" + Math.abs(tag.hashCode()));
            update("insert into assembly_line values (?, ?, 'SMT-1', 5000, 2)", line, factory);
            update("insert into build_schedule values (?, ?, ?, ?, ?, ?, ?)", uuid(), order, line, machines * 3,
                    java.sql.Date.valueOf(LocalDate.now()), java.sql.Date.valueOf(LocalDate.now()), now());
            c.commit();
            return line;
        }

        List<EventEnvelope> assembleBoard(String serial, String order, String line, String correlation) throws SQLException {
            query("select serial from hashboard where serial = ?", serial);
            query("select * from build_kit where build_order_id = ? for update", order);
            String allocation;
            String lot;
            String lotNumber;
            int consumed;
            long version;
            try (var rs = query("select * from kit_line where build_order_id = ? order by allocated_at", order)) {
                rs.next();
                allocation = rs.getString("allocation_id");
                lot = rs.getString("lot_id");
                lotNumber = rs.getString("lot_number");
                consumed = rs.getInt("dies_consumed");
                version = rs.getLong("version");
            }
            query("select * from assembly_line where id = ?", line).close();
            query("select * from build_schedule where build_order_id = ?", order).close();
            update("update kit_line set dies_consumed = ?, version = ? where allocation_id = ? and version = ?",
                    consumed + 108, version + 1, allocation, version);
            update("insert into hashboard values (?, ?, ?, 'BM1366', 108, 'AWAITING_QA', null, ?, 1)", serial, order, line, now());
            update("insert into board_die_source values (?, ?, ?, ?, 'B1', 108)", serial, allocation, lot, lotNumber);
            var event = EventEnvelope.create(new Events.BoardAssembled(serial, order, line, "BM1366", 108,
                    List.of(new Events.DieSource(allocation, lot, lotNumber, "B1", 108))), correlation, null);
            log(event);
            c.commit();
            return List.of(event);
        }

        List<EventEnvelope> testUnit(String serial, String kind, String order, String correlation, int[] chips) throws SQLException {
            int attempts;
            long version;
            try (var rs = query("select * from qa_unit where serial = ? for update", serial)) {
                rs.next();
                attempts = rs.getInt("attempts");
                version = rs.getLong("version");
            }
            update("update qa_unit set status = 'PASSED', attempts = ?, updated_at = ?, version = ? where serial = ? and version = ?",
                    attempts + 1, now(), version + 1, serial, version);
            update("insert into qa_test values (?, ?, ?, ?, ?, ?, ?, 71, 'PASSED', null, null, ?)", uuid(), serial, attempts + 1,
                    new BigDecimal("66.7"), new BigDecimal("1170"), new BigDecimal("17.541"),
                    java.util.Arrays.toString(chips).replaceAll("[\\[\\] ]", ""), now());
            var events = new ArrayList<EventEnvelope>();
            events.add(EventEnvelope.create(new Events.UnitTested(serial, kind, order, attempts + 1, true, null,
                    new BigDecimal("66.7")), correlation, null));
            if ("MACHINE".equals(kind)) {
                events.add(EventEnvelope.create(new Events.MachineReadyToShip(serial, order, new BigDecimal("200")),
                        correlation, null));
            }
            for (EventEnvelope event : events) {
                log(event);
            }
            c.commit();
            return events;
        }

        List<EventEnvelope> assembleMachine(String serial, String order, List<String> boards, String correlation) throws SQLException {
            query("select serial from machine where serial = ?", serial).close();
            query("select * from build_kit where build_order_id = ?", order).close();
            for (String board : boards) {
                query("select * from hashboard where serial = ? for update", board).close();
            }
            update("insert into machine values (?, ?, ?, ?, 'AWAITING_QA', ?, 1)", serial, order, "CB-" + serial, "PSU-" + serial, now());
            for (String board : boards) {
                update("update hashboard set machine_serial = ?, status = 'INSTALLED', version = version + 1 where serial = ?", serial, board);
            }
            var event = EventEnvelope.create(new Events.MachineAssembled(serial, order, boards, 108, "CB-" + serial,
                    "PSU-" + serial), correlation, null);
            log(event);
            c.commit();
            return List.of(event);
        }

        boolean qaUnitExists(String serial) {
            try (var rs = query("select * from qa_unit where serial = ?", serial)) {
                boolean exists = rs.next();
                if (exists) {
                    query("select * from qa_test where serial = ? order by attempt", serial).close();
                }
                c.commit();
                return exists;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        String boardStatus(String serial) {
            try (var rs = query("select status from hashboard where serial = ?", serial)) {
                String status = rs.next() ? rs.getString(1) : null;
                query("select * from board_die_source where board_serial = ?", serial).close();
                c.commit();
                return status;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        boolean shippable(String serial) {
            try (var rs = query("select * from shippable_machine where serial = ?", serial)) {
                boolean ready = rs.next();
                c.commit();
                return ready;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        void log(EventEnvelope event) throws SQLException {
            update("insert into event_log values (?, ?, ?, ?, ?, null, ?, ?, null, 0)", event.eventId(),
                    event.type().wireName(), event.schemaVersion(), event.occurredAt(), event.correlationId(), event.data().subjectId(), event.toJson());
        }

        ResultSet query(String sql, Object... args) throws SQLException {
            PreparedStatement statement = c.prepareStatement(sql);
            bind(statement, args);
            statement.closeOnCompletion();
            return statement.executeQuery();
        }

        void update(String sql, Object... args) throws SQLException {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                bind(statement, args);
                statement.executeUpdate();
            }
        }

        private void bind(PreparedStatement statement, Object... args) throws SQLException {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
        }

        @Override
        public void close() throws SQLException {
            c.close();
        }
    }

    /** The outbox relay: lock the row, send to each consumer's queue and the topic, mark it published. */
    private final class Relay implements AutoCloseable {
        final Session session;

        Relay() throws JMSException {
            session = jmsConnection.createSession(true, Session.SESSION_TRANSACTED);
        }

        void publish(Db db, List<EventEnvelope> events, String... queues) throws Exception {
            for (EventEnvelope event : events) {
                db.query("select * from event_log where event_id = ? for update", event.eventId()).close();
                List<Destination> destinations = new ArrayList<>();
                for (String queue : queues) {
                    destinations.add(session.createQueue(queue));
                }
                destinations.add(session.createTopic("scm.events"));
                for (Destination destination : destinations) {
                    TextMessage message = session.createTextMessage(event.toJson());
                    message.setJMSCorrelationID(event.correlationId());
                    message.setStringProperty("eventType", event.type().wireName());
                    message.setStringProperty("eventId", event.eventId());
                    var producer = session.createProducer(destination);
                    producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                    producer.send(message);
                    producer.close();
                }
                db.update("update event_log set published_at = ?, publish_attempts = publish_attempts + 1 where event_id = ?",
                        now(), event.eventId());
                db.c.commit();
                session.commit();
            }
        }

        @Override
        public void close() throws JMSException {
            session.close();
        }
    }

    /** A stage's consumer: claim the event in the inbox, react, commit the database, then the message. */
    private void consume(String queue) {
        String stage = queue.substring("scm.".length());
        try (var db = new Db()) {
            Session session = jmsConnection.createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
            while (running.get()) {
                var message = (TextMessage) consumer.receive(200);
                if (message == null) {
                    continue;
                }
                var event = EventEnvelope.fromJson(message.getText());
                boolean seen;
                try (var rs = db.query("select * from processed_event where consumer = ? and event_id = ?", stage, event.eventId())) {
                    seen = rs.next();
                }
                if (!seen) {
                    OffsetDateTime processed = now();
                    db.update("insert into processed_event values (?, ?, ?)", stage, event.eventId(), processed);
                    react(db, stage, event);
                    // noted before the commit, which makes the reaction visible to the waiting client
                    hops.computeIfAbsent(event.type().wireName() + "->" + stage, k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                            .add(Duration.between(event.occurredAt(), processed).toNanos() / 1e6);
                    db.c.commit();
                }
                session.commit();
            }
            session.close();
        } catch (Exception e) {
            if (running.get()) {
                throw new IllegalStateException(e);
            }
        }
    }

    private void react(Db db, String stage, EventEnvelope event) throws SQLException {
        switch (event.type()) {
            case BOARD_ASSEMBLED -> {
                var board = event.data(Events.BoardAssembled.class);
                if ("qa".equals(stage)) {
                    db.query("select serial from qa_unit where serial = ?", board.serial()).close();
                    db.update("insert into qa_unit values (?, 'BOARD', ?, 1, 108, 'AWAITING_TEST', 0, ?, ?, 1)",
                            board.serial(), board.buildOrderId(), event.correlationId(), now());
                } else {
                    String allocation = board.sources().get(0).allocationId();
                    int consumed;
                    long version;
                    try (var rs = db.query("select * from die_allocation where id = ? for update", allocation)) {
                        rs.next();
                        consumed = rs.getInt("dies_consumed");
                        version = rs.getLong("version");
                        db.query("select * from lot_bin where id = ?", rs.getString("lot_bin_id")).close();
                    }
                    db.update("update die_allocation set dies_consumed = ?, version = ? where id = ? and version = ?",
                            consumed + 108, version + 1, allocation, version);
                }
            }
            case MACHINE_ASSEMBLED -> {
                var machine = event.data(Events.MachineAssembled.class);
                db.query("select serial from qa_unit where serial = ?", machine.serial()).close();
                db.update("insert into qa_unit values (?, 'MACHINE', ?, 3, 108, 'AWAITING_TEST', 0, ?, ?, 1)",
                        machine.serial(), machine.buildOrderId(), event.correlationId(), now());
            }
            case UNIT_TESTED -> {
                var tested = event.data(Events.UnitTested.class);
                String table = "BOARD".equals(tested.kind()) ? "hashboard" : "machine";
                db.query("select * from " + table + " where serial = ? for update", tested.serial()).close();
                db.update("update " + table + " set status = 'PASSED', version = version + 1 where serial = ?", tested.serial());
            }
            case MACHINE_READY_TO_SHIP -> {
                var ready = event.data(Events.MachineReadyToShip.class);
                db.query("select serial from shippable_machine where serial = ?", ready.serial()).close();
                db.update("insert into shippable_machine values (?, ?, ?, null, ?, 1)", ready.serial(), ready.buildOrderId(),
                        event.correlationId(), now());
            }
            default -> throw new IllegalArgumentException(stage + " does not consume " + event.type());
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static String uuid() {
        return UUID.randomUUID().toString();
    }

    @Override
    public void close() throws Exception {
        running.set(false);
        for (Thread consumer : consumers) {
            consumer.join(5000);
        }
        jmsConnection.close();
        broker.stop();
        broker.waitUntilStopped();
    }
}
