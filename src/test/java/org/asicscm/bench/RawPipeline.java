package org.asicscm.bench;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.apache.activemq.broker.BrokerService;
import org.asicscm.events.EventEnvelope;
import org.asicscm.events.Events;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The limit: the pipeline's durable work in the best plain-Java design I could write without a
 * container, so that the application is measured against the machine. The same schema (the same
 * Flyway migrations), the same H2 file settings (WRITE_DELAY=0), the same SQL statements per step
 * as the application issues (the inbox and outbox rows included), the same event payloads,
 * persistent JMS on an embedded ActiveMQ broker with a KahaDB store, the same number of client
 * threads, and the same guarantees: a step answers only once its writes and events are committed,
 * every event is sent once and marked published, every consumer's effect is committed with its
 * inbox row before the message is acknowledged. Batched wherever that is safe:
 * <ul>
 * <li>one writer thread owns the write connection; every write (a client's step, a consumer's
 *     batch, the relay's published marks) queues for it, and it runs all that queued in one
 *     transaction and one commit (group commit);</li>
 * <li>one relay thread takes events as their transaction commits and sends each once to a
 *     composite destination (the consumers' queues and the topic), one broker commit per batch;</li>
 * <li>one consumer per queue applies up to 250 messages in one write, then acknowledges them;</li>
 * <li>clients poll on their own read connections.</li>
 * </ul>
 */
final class RawPipeline implements AutoCloseable {
    private static final java.time.Clock CLOCK = java.time.Clock.systemUTC();
    private static final int CONSUMER_BATCH = 250;
    private static final int RELAY_BATCH = 500;
    private final String url;
    private final BrokerService broker;
    private final Connection jmsConnection;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();
    private final int clients;
    private final Map<String, List<Double>> hops = new ConcurrentHashMap<>();
    private final BlockingQueue<Write> writes = new LinkedBlockingQueue<>();
    private final BlockingQueue<EventEnvelope> committed = new LinkedBlockingQueue<>();

    /** A unit of SQL for the writer; returns the events it wrote to the outbox. */
    private interface Work {
        List<EventEnvelope> run(Db db) throws SQLException;
    }

    private record Write(Work work, CompletableFuture<List<EventEnvelope>> done) {}

    RawPipeline(Path dir, int clients) throws Exception {
        this.clients = clients;
        this.url = "jdbc:h2:file:" + dir.resolve("h2/raw") + ";WRITE_DELAY=0";
        var dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser("sa");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();

        broker = new BrokerService();
        broker.setBrokerName("raw");
        broker.setPersistent(true);
        broker.setUseJmx(false);
        broker.setDataDirectory(dir.resolve("broker").toString());
        broker.addConnector("vm://raw");
        broker.start();
        broker.waitUntilStarted();
        var jms = new ActiveMQConnectionFactory("vm://raw?create=false");
        jms.getPrefetchPolicy().setQueuePrefetch(CONSUMER_BATCH * 2);
        jms.setWatchTopicAdvisories(false);
        jmsConnection = jms.createConnection();
        jmsConnection.start();
        start("raw-writer", this::writer);
        start("raw-relay", this::relay);
        for (String queue : List.of("scm.qa", "scm.allocation", "scm.assembly", "scm.shipping")) {
            start("raw-" + queue, () -> consume(queue));
        }
    }

    private void start(String name, Runnable loop) {
        Thread thread = new Thread(loop, name);
        thread.setDaemon(true);
        thread.start();
        threads.add(thread);
    }

    Pipeline run(String name, int machines) throws Exception {
        hops.clear();
        String tag = name + "-" + System.nanoTime();
        String correlation = "raw-" + tag;
        String order = UUID.randomUUID().toString();
        String[] line = new String[1];
        write(db -> {
            line[0] = db.fixture(tag, order, correlation, machines);
            return List.of();
        });
        double seconds = Clients.run(clients, machines, items -> {
            try (var reads = new Db(true)) {
                for (int m = items.take(); m >= 0; m = items.take()) {
                    buildAndShip(reads, tag + "-" + m, order, line[0], correlation);
                }
            }
        });
        return new Pipeline(name, machines * 3, seconds, Map.copyOf(hops));
    }

    private void buildAndShip(Db reads, String id, String order, String line, String correlation) throws Exception {
        List<String> boards = List.of("HB-" + id + "-1", "HB-" + id + "-2", "HB-" + id + "-3");
        for (String board : boards) {
            write(db -> db.assembleBoard(board, order, line, correlation));
        }
        for (String board : boards) {
            RestPipeline.await(() -> reads.qaUnitExists(board));
            write(db -> db.testUnit(board, "BOARD", order, correlation, new int[] {108}));
        }
        for (String board : boards) {
            RestPipeline.await(() -> "PASSED".equals(reads.boardStatus(board)));
        }
        String machine = "M-" + id;
        write(db -> db.assembleMachine(machine, order, boards, correlation));
        RestPipeline.await(() -> reads.qaUnitExists(machine));
        write(db -> db.testUnit(machine, "MACHINE", order, correlation, new int[] {108, 108, 108}));
        RestPipeline.await(() -> reads.shippable(machine));
    }

    /** Queues the work for the writer and returns once it is committed. */
    private List<EventEnvelope> write(Work work) throws Exception {
        var done = new CompletableFuture<List<EventEnvelope>>();
        writes.add(new Write(work, done));
        try {
            return done.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** Runs everything queued in one transaction and one commit, then answers each and hands the events to the relay. */
    private void writer() {
        try (var db = new Db(false)) {
            var group = new ArrayList<Write>();
            while (running.get()) {
                Write first = writes.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.clear();
                group.add(first);
                writes.drainTo(group);
                var events = new ArrayList<List<EventEnvelope>>(group.size());
                try {
                    for (Write write : group) {
                        events.add(write.work().run(db));
                    }
                    db.c.commit();
                } catch (SQLException | RuntimeException e) {
                    db.c.rollback();
                    group.forEach(w -> w.done().completeExceptionally(e));
                    continue;
                }
                for (int i = 0; i < group.size(); i++) {
                    committed.addAll(events.get(i));
                    group.get(i).done().complete(events.get(i));
                }
            }
        } catch (Exception e) {
            if (running.get()) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** One thread's JDBC connection and the statements of each step. */
    private final class Db implements AutoCloseable {
        final java.sql.Connection c;

        Db(boolean autoCommit) throws SQLException {
            c = DriverManager.getConnection(url, "sa", "");
            c.setAutoCommit(autoCommit);
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
            update(
                    "insert into wafer_lot (id, lot_number, chip_model, wafer_count, received_at, correlation_id, version)"
                            + " values (?, ?, ?, 25, ?, ?, 1)",
                    lot,
                    "LOT-" + tag,
                    chip,
                    now(),
                    correlation);
            update("insert into lot_bin values (?, ?, 'B1', ?, ?, 1)", bin, lot, dies, dies);
            update(
                    "insert into build_order values (?, ?, 'S21 200 TH/s', ?, 108, 3, ?, ?, null, 'SCHEDULED', ?, ?, 1, 5, 0, null)",
                    order,
                    "BO-" + tag,
                    chip,
                    machines,
                    java.sql.Date.valueOf(LocalDate.now().plusDays(60)),
                    correlation,
                    now());
            update(
                    "insert into die_allocation values (?, ?, ?, ?, 0, 'ACTIVE', ?, null, 1, null)",
                    allocation,
                    order,
                    bin,
                    dies,
                    now());
            update(
                    "insert into build_kit values (?, ?, ?, 108, 3, ?, ?, 1, 'S21-200', ?, 5, null, 0, 0, false, 0)",
                    order,
                    "BO-" + tag,
                    chip,
                    machines,
                    correlation,
                    java.sql.Date.valueOf(LocalDate.now().plusDays(60)));
            update(
                    "insert into kit_line values (?, ?, ?, ?, 'B1', ?, 0, false, ?, 1, false)",
                    allocation,
                    order,
                    lot,
                    "LOT-" + tag,
                    dies,
                    now());
            update(
                    "insert into factory (id, code, name, sub_district) values (?, ?, 'Fuyong Works', 'FUYONG')",
                    factory,
                    "F" + Math.abs(tag.hashCode()));
            update("insert into assembly_line values (?, ?, 'SMT-1', 5000, 2)", line, factory);
            update(
                    "insert into build_schedule values (?, ?, ?, ?, ?, ?, ?)",
                    uuid(),
                    order,
                    line,
                    machines * 3,
                    java.sql.Date.valueOf(LocalDate.now()),
                    java.sql.Date.valueOf(LocalDate.now()),
                    now());
            return line;
        }

        List<EventEnvelope> assembleBoard(String serial, String order, String line, String correlation)
                throws SQLException {
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
            query("select * from build_schedule where build_order_id = ?", order)
                    .close();
            update(
                    "update kit_line set dies_consumed = ?, version = ? where allocation_id = ? and version = ?",
                    consumed + 108,
                    version + 1,
                    allocation,
                    version);
            update(
                    "insert into hashboard values (?, ?, ?, 'BM1366', 108, 'AWAITING_QA', null, ?, 1)",
                    serial,
                    order,
                    line,
                    now());
            update("insert into board_die_source values (?, ?, ?, ?, 'B1', 108)", serial, allocation, lot, lotNumber);
            var event = EventEnvelope.create(
                    new Events.BoardAssembled(
                            serial,
                            order,
                            line,
                            "BM1366",
                            108,
                            List.of(new Events.DieSource(allocation, lot, lotNumber, "B1", 108)),
                            null,
                            null,
                            null),
                    correlation,
                    null,
                    CLOCK);
            log(event);
            return List.of(event);
        }

        List<EventEnvelope> testUnit(String serial, String kind, String order, String correlation, int[] chips)
                throws SQLException {
            int attempts;
            long version;
            try (var rs = query("select * from qa_unit where serial = ? for update", serial)) {
                rs.next();
                attempts = rs.getInt("attempts");
                version = rs.getLong("version");
            }
            update(
                    "update qa_unit set status = 'PASSED', attempts = ?, updated_at = ?, version = ? where serial = ? and version = ?",
                    attempts + 1,
                    now(),
                    version + 1,
                    serial,
                    version);
            update(
                    "insert into qa_test (id, serial, attempt, hashrate_ths, power_w, efficiency_jth, chips_detected, max_temp_c,"
                            + " outcome, failure_code, note, tested_at) values (?, ?, ?, ?, ?, ?, ?, 71, 'PASSED', null, null, ?)",
                    uuid(),
                    serial,
                    attempts + 1,
                    new BigDecimal("66.7"),
                    new BigDecimal("1170"),
                    new BigDecimal("17.541"),
                    java.util.Arrays.toString(chips).replaceAll("[\\[\\] ]", ""),
                    now());
            var events = new ArrayList<EventEnvelope>();
            events.add(EventEnvelope.create(
                    new Events.UnitTested(
                            serial,
                            Events.UnitKind.valueOf(kind),
                            order,
                            attempts + 1,
                            true,
                            null,
                            new BigDecimal("66.7")),
                    correlation,
                    null,
                    CLOCK));
            if ("MACHINE".equals(kind)) {
                events.add(EventEnvelope.create(
                        new Events.MachineReadyToShip(serial, order, new BigDecimal("200"), "S21-200"),
                        correlation,
                        null,
                        CLOCK));
            }
            for (EventEnvelope event : events) {
                log(event);
            }
            return events;
        }

        List<EventEnvelope> assembleMachine(String serial, String order, List<String> boards, String correlation)
                throws SQLException {
            query("select serial from machine where serial = ?", serial).close();
            query("select * from build_kit where build_order_id = ?", order).close();
            for (String board : boards) {
                query("select * from hashboard where serial = ? for update", board)
                        .close();
            }
            update(
                    "insert into machine values (?, ?, ?, ?, 'AWAITING_QA', ?, 1)",
                    serial,
                    order,
                    "CB-" + serial,
                    "PSU-" + serial,
                    now());
            for (String board : boards) {
                update(
                        "update hashboard set machine_serial = ?, status = 'INSTALLED', version = version + 1 where serial = ?",
                        serial,
                        board);
            }
            var event = EventEnvelope.create(
                    new Events.MachineAssembled(
                            serial, order, boards, 108, "CB-" + serial, "PSU-" + serial, "CBL-1", "PSUL-1"),
                    correlation,
                    null,
                    CLOCK);
            log(event);
            return List.of(event);
        }

        boolean qaUnitExists(String serial) {
            try (var rs = query("select * from qa_unit where serial = ?", serial)) {
                boolean exists = rs.next();
                if (exists) {
                    query("select * from qa_test where serial = ? order by attempt", serial)
                            .close();
                }
                return exists;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        String boardStatus(String serial) {
            try (var rs = query("select status from hashboard where serial = ?", serial)) {
                String status = rs.next() ? rs.getString(1) : null;
                query("select * from board_die_source where board_serial = ?", serial)
                        .close();
                return status;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        boolean shippable(String serial) {
            try (var rs = query("select * from shippable_machine where serial = ?", serial)) {
                return rs.next();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        void log(EventEnvelope event) throws SQLException {
            update(
                    "insert into event_log values (?, ?, ?, ?, ?, null, ?, ?, null)",
                    event.eventId(),
                    event.type().wireName(),
                    event.schemaVersion(),
                    event.occurredAt(),
                    event.correlationId(),
                    event.data().subjectId(),
                    event.toJson());
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

    /**
     * The outbox relay: sends each committed event once, to a composite destination the broker fans
     * out to the consuming stages' queues and the topic; one broker commit per batch, then one
     * write marks the batch published.
     */
    private void relay() {
        try {
            Session session = jmsConnection.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer producer = session.createProducer(null);
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            var batch = new ArrayList<EventEnvelope>();
            while (running.get()) {
                EventEnvelope first = committed.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.clear();
                batch.add(first);
                committed.drainTo(batch, RELAY_BATCH - 1);
                for (EventEnvelope event : batch) {
                    TextMessage message = session.createTextMessage(event.toJson());
                    message.setJMSCorrelationID(event.correlationId());
                    message.setStringProperty("eventType", event.type().wireName());
                    message.setStringProperty("eventId", event.eventId());
                    producer.send(session.createQueue(destination(event)), message);
                }
                session.commit();
                List<String> ids = batch.stream().map(EventEnvelope::eventId).toList();
                // not awaited: a crash before the mark re-sends, and the consumers' inbox drops the repeat
                writes.add(new Write(
                        db -> {
                            db.update(
                                    "update event_log set published_at = ?"
                                            + " where event_id in ("
                                            + String.join(",", java.util.Collections.nCopies(ids.size(), "?"))
                                            + ")",
                                    java.util.stream.Stream.concat(java.util.stream.Stream.of(now()), ids.stream())
                                            .toArray());
                            return List.of();
                        },
                        new CompletableFuture<>()));
            }
            session.close();
        } catch (Exception e) {
            if (running.get()) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static String destination(EventEnvelope event) {
        String queues = switch (event.type()) {
            case BOARD_ASSEMBLED -> "scm.qa,scm.allocation";
            case UNIT_TESTED -> "scm.assembly";
            case MACHINE_ASSEMBLED -> "scm.qa";
            case MACHINE_READY_TO_SHIP -> "scm.shipping";
            default -> throw new IllegalArgumentException("the pipeline does not publish " + event.type());
        };
        return queues + ",topic://scm.events";
    }

    /** A stage's consumer: up to 250 messages applied in one write (inbox rows and reactions), then acknowledged. */
    private void consume(String queue) {
        String stage = queue.substring("scm.".length());
        try {
            Session session = jmsConnection.createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
            var events = new ArrayList<EventEnvelope>();
            while (running.get()) {
                var message = (TextMessage) consumer.receive(200);
                if (message == null) {
                    continue;
                }
                events.clear();
                for (;
                        message != null && events.size() < CONSUMER_BATCH;
                        message = (TextMessage) consumer.receiveNoWait()) {
                    events.add(EventEnvelope.fromJson(message.getText()));
                }
                write(db -> {
                    for (EventEnvelope event : events) {
                        boolean seen;
                        try (var rs = db.query(
                                "select * from processed_event where event_id = ? and consumer = ?",
                                event.eventId(),
                                stage)) {
                            seen = rs.next();
                        }
                        if (!seen) {
                            OffsetDateTime processed = now();
                            db.update(
                                    "insert into processed_event values (?, ?, ?)", stage, event.eventId(), processed);
                            react(db, stage, event);
                            hops.computeIfAbsent(
                                            event.type().wireName() + "->" + stage,
                                            k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                                    .add(Duration.between(event.occurredAt(), processed)
                                                    .toNanos()
                                            / 1e6);
                        }
                    }
                    return List.of();
                });
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
                    db.query("select serial from qa_unit where serial = ?", board.serial())
                            .close();
                    db.update(
                            "insert into qa_unit (serial, kind, build_order_id, chains, chips_per_chain, status, attempts, correlation_id, updated_at, version) values (?, 'BOARD', ?, 1, 108, 'AWAITING_TEST', 0, ?, ?, 1)",
                            board.serial(),
                            board.buildOrderId(),
                            event.correlationId(),
                            now());
                } else {
                    String allocation = board.sources().get(0).allocationId();
                    int consumed;
                    long version;
                    try (var rs = db.query("select * from die_allocation where id = ? for update", allocation)) {
                        rs.next();
                        consumed = rs.getInt("dies_consumed");
                        version = rs.getLong("version");
                        db.query("select * from lot_bin where id = ?", rs.getString("lot_bin_id"))
                                .close();
                    }
                    db.update(
                            "update die_allocation set dies_consumed = ?, version = ? where id = ? and version = ?",
                            consumed + 108,
                            version + 1,
                            allocation,
                            version);
                }
            }
            case MACHINE_ASSEMBLED -> {
                var machine = event.data(Events.MachineAssembled.class);
                db.query("select serial from qa_unit where serial = ?", machine.serial())
                        .close();
                db.update(
                        "insert into qa_unit (serial, kind, build_order_id, chains, chips_per_chain, status, attempts, correlation_id, updated_at, version) values (?, 'MACHINE', ?, 3, 108, 'AWAITING_TEST', 0, ?, ?, 1)",
                        machine.serial(),
                        machine.buildOrderId(),
                        event.correlationId(),
                        now());
            }
            case UNIT_TESTED -> {
                var tested = event.data(Events.UnitTested.class);
                String table = tested.kind() == Events.UnitKind.BOARD ? "hashboard" : "machine";
                db.query("select * from " + table + " where serial = ? for update", tested.serial())
                        .close();
                db.update(
                        "update " + table + " set status = 'PASSED', version = version + 1 where serial = ?",
                        tested.serial());
            }
            case MACHINE_READY_TO_SHIP -> {
                var ready = event.data(Events.MachineReadyToShip.class);
                db.query("select serial from shippable_machine where serial = ?", ready.serial())
                        .close();
                db.update(
                        "insert into shippable_machine (serial, build_order_id, correlation_id, shipment_id, ready_at, version)"
                                + " values (?, ?, ?, null, ?, 1)",
                        ready.serial(),
                        ready.buildOrderId(),
                        event.correlationId(),
                        now());
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
        for (Thread thread : threads) {
            thread.join(5000);
        }
        jmsConnection.close();
        broker.stop();
        broker.waitUntilStopped();
    }
}
