package org.asicscm.assembly.control;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.asicscm.assembly.entity.AssemblyLine;
import org.asicscm.assembly.entity.BuildKit;
import org.asicscm.assembly.entity.BuildSchedule;
import org.asicscm.assembly.entity.ConsignmentMovement;
import org.asicscm.assembly.entity.Factory;
import org.asicscm.assembly.entity.Hashboard;
import org.asicscm.assembly.entity.Machine;
import org.asicscm.assembly.entity.UnitStatus;
import org.asicscm.events.EventEnvelope;
import org.asicscm.events.Events;
import org.asicscm.events.control.EventOutbox;
import org.asicscm.materials.control.Backflush;
import org.asicscm.materials.entity.Item;
import org.asicscm.platform.InvalidInputException;
import org.asicscm.platform.RuleViolationException;
import org.asicscm.platform.UnknownEntityException;

/**
 * Factories and lines, schedules, and the boards and machines built on them. The kits that
 * follow the dies allocation gives and takes are {@link Kitting}'s.
 */
@Stateless
public class AssemblyService {

    @PersistenceContext
    EntityManager em;

    @EJB
    Backflush backflush;

    @EJB
    EventOutbox outbox;

    @Inject
    Clock clock;

    /** Registers a factory; where it is defaults to Bao'an, Shenzhen (see {@link FactoryLocations}). */
    public Factory registerFactory(
            String code,
            String name,
            String country,
            String city,
            String district,
            String subDistrict,
            String timeZone) {
        var location = FactoryLocations.resolve(country, city, district, subDistrict, timeZone);
        if (!em.createNamedQuery(Factory.BY_CODE, Factory.class)
                .setParameter("code", code)
                .getResultList()
                .isEmpty()) {
            throw new RuleViolationException("duplicate-factory", "code", "factory " + code + " already exists");
        }
        var factory = new Factory(code, name, location);
        em.persist(factory);
        return factory;
    }

    public List<Factory> factories() {
        return em.createNamedQuery(Factory.ALL, Factory.class).getResultList();
    }

    public Factory factory(String id) {
        Factory factory = em.find(Factory.class, id);
        if (factory == null) {
            throw new UnknownEntityException("factory", id);
        }
        return factory;
    }

    /** Whether parts may be used at the factory beyond its record. */
    public Factory allowNegativeParts(String factoryId, boolean allowed) {
        Factory factory = em.find(Factory.class, factoryId, LockModeType.PESSIMISTIC_WRITE);
        if (factory == null) {
            throw new UnknownEntityException("factory", factoryId);
        }
        factory.allowNegativeParts(allowed);
        return factory;
    }

    /** Days from the factory's today that a re-plan leaves as they are. */
    public Factory freeze(String factoryId, int days) {
        Factory factory = em.find(Factory.class, factoryId, LockModeType.PESSIMISTIC_WRITE);
        if (factory == null) {
            throw new UnknownEntityException("factory", factoryId);
        }
        factory.freeze(days);
        return factory;
    }

    public List<AssemblyLine> linesOf(String factoryId) {
        factory(factoryId);
        return em.createNamedQuery(AssemblyLine.OF_FACTORY, AssemblyLine.class)
                .setParameter("factoryId", factoryId)
                .getResultList();
    }

    public AssemblyLine addLine(String factoryId, String code, int boardsPerShift, int shiftsPerDay) {
        Factory factory = factory(factoryId);
        if (linesOf(factoryId).stream().anyMatch(l -> l.code().equals(code))) {
            throw new RuleViolationException(
                    "duplicate-line", "code", "factory " + factory.code() + " already has line " + code);
        }
        var line = new AssemblyLine(factory, code, boardsPerShift, shiftsPerDay);
        em.persist(line);
        return line;
    }

    public BuildSchedule schedule(String id) {
        BuildSchedule schedule = em.find(BuildSchedule.class, id);
        if (schedule == null) {
            throw new UnknownEntityException("build schedule", id);
        }
        return schedule;
    }

    public List<BuildSchedule> schedulesOf(String buildOrderId) {
        return em.createNamedQuery(BuildSchedule.OF_ORDER, BuildSchedule.class)
                .setParameter("buildOrderId", buildOrderId)
                .getResultList();
    }

    // a read: no transaction to begin and commit (clients poll these while they wait for a hop)
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Hashboard board(String serial) {
        Hashboard board = em.find(Hashboard.class, serial);
        if (board == null) {
            throw new UnknownEntityException("hashboard", serial);
        }
        return board;
    }

    /** Builds a machine from boards of one order that have all passed QA. */
    public Machine assembleMachine(
            String serial,
            String buildOrderId,
            List<String> boardSerials,
            String controlBoardSerial,
            String psuSerial,
            String controlBoardLot,
            String psuLot) {
        if (em.find(Machine.class, serial) != null) {
            throw new RuleViolationException(
                    "duplicate-serial", "serial", "machine " + serial + " was already recorded");
        }
        BuildKit kit = em.find(BuildKit.class, buildOrderId);
        if (kit == null) {
            throw new InvalidInputException("buildOrderId", "no build order " + buildOrderId + " on the floor");
        }
        if (boardSerials.size() != kit.boardsPerMachine()
                || new HashSet<>(boardSerials).size() != boardSerials.size()) {
            throw new InvalidInputException(
                    "boardSerials",
                    "a machine of " + kit.orderNumber() + " takes " + kit.boardsPerMachine() + " distinct boards");
        }
        var boards = new ArrayList<Hashboard>();
        for (int i = 0; i < boardSerials.size(); i++) {
            Hashboard board = em.find(Hashboard.class, boardSerials.get(i), LockModeType.PESSIMISTIC_WRITE);
            String field = "boardSerials[" + i + "]";
            if (board == null) {
                throw new InvalidInputException(field, "no hashboard " + boardSerials.get(i));
            }
            if (!board.buildOrderId().equals(buildOrderId)) {
                throw new RuleViolationException(
                        "board-of-other-order", field, "board " + board.serial() + " belongs to another build order");
            }
            if (board.status() != UnitStatus.PASSED) {
                throw new RuleViolationException(
                        "board-not-passed",
                        field,
                        "board " + board.serial() + " is " + board.status()
                                + "; only boards that passed QA go into a machine",
                        Map.of(
                                "board",
                                board.serial(),
                                "boardStatus",
                                board.status().name()));
            }
            boards.add(board);
        }
        var machine = new Machine(serial, buildOrderId, controlBoardSerial, psuSerial, now());
        em.persist(machine);
        // the machine row must exist before boards reference it
        em.flush();
        boards.forEach(b -> b.installIn(serial));
        var lots = new java.util.EnumMap<Item.Kind, String>(Item.Kind.class);
        if (psuLot != null) {
            lots.put(Item.Kind.PSU, psuLot);
        }
        if (controlBoardLot != null) {
            lots.put(Item.Kind.CONTROL_BOARD, controlBoardLot);
        }
        backflush.machine(
                buildOrderId,
                em.find(AssemblyLine.class, boards.get(0).lineId()).factory().id(),
                serial,
                lots);
        outbox.publish(
                new Events.MachineAssembled(
                        serial,
                        buildOrderId,
                        List.copyOf(boardSerials),
                        kit.chipsPerBoard(),
                        controlBoardSerial,
                        psuSerial,
                        controlBoardLot,
                        psuLot),
                kit.correlationId(),
                null);
        return machine;
    }

    public Machine machine(String serial) {
        Machine machine = em.find(Machine.class, serial);
        if (machine == null) {
            throw new UnknownEntityException("machine", serial);
        }
        return machine;
    }

    public List<Hashboard> boardsOf(String machineSerial) {
        return em.createNamedQuery(Hashboard.OF_MACHINE, Hashboard.class)
                .setParameter("serial", machineSerial)
                .getResultList();
    }

    /** Reaction to QA's verdicts on boards and machines. */
    public void qaVerdict(EventEnvelope event) {
        switch (event.type()) {
            case UNIT_TESTED -> {
                var tested = event.data(Events.UnitTested.class);
                applyVerdict(tested.kind(), tested.serial(), tested.passed() ? UnitStatus.PASSED : UnitStatus.FAILED);
            }
            case UNIT_REWORKED -> {
                var reworked = event.data(Events.UnitReworked.class);
                applyVerdict(reworked.kind(), reworked.serial(), UnitStatus.IN_REWORK);
            }
            case UNIT_SCRAPPED -> {
                var scrapped = event.data(Events.UnitScrapped.class);
                applyVerdict(scrapped.kind(), scrapped.serial(), UnitStatus.SCRAPPED);
            }
            default -> throw new IllegalArgumentException("not a QA verdict: " + event.type());
        }
    }

    private void applyVerdict(Events.UnitKind kind, String serial, UnitStatus status) {
        if (kind == Events.UnitKind.BOARD) {
            Hashboard board = em.find(Hashboard.class, serial, LockModeType.PESSIMISTIC_WRITE);
            if (board == null) {
                throw new IllegalStateException("QA verdict on unknown board " + serial);
            }
            if (board.qaVerdict(status) && status == UnitStatus.SCRAPPED) {
                boardScrapped(board);
            }
        } else {
            Machine machine = em.find(Machine.class, serial, LockModeType.PESSIMISTIC_WRITE);
            if (machine == null) {
                throw new IllegalStateException("QA verdict on unknown machine " + serial);
            }
            machine.qaVerdict(status);
        }
    }

    /** The board's dies become its factory's scrap, and its order has one more board to build. */
    private void boardScrapped(Hashboard board) {
        AssemblyLine line = em.find(AssemblyLine.class, board.lineId());
        em.persist(ConsignmentMovement.boardScrapped(line.factory(), board, now()));
        BuildKit kit = em.find(BuildKit.class, board.buildOrderId(), LockModeType.PESSIMISTIC_WRITE);
        if (kit != null) {
            kit.boardScrapped();
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
