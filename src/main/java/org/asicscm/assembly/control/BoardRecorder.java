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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.asicscm.assembly.entity.AssemblyLine;
import org.asicscm.assembly.entity.BoardDieSource;
import org.asicscm.assembly.entity.BuildKit;
import org.asicscm.assembly.entity.BuildSchedule;
import org.asicscm.assembly.entity.Hashboard;
import org.asicscm.events.Events;
import org.asicscm.events.control.EventOutbox;
import org.asicscm.materials.control.Backflush;
import org.asicscm.platform.InvalidInputException;
import org.asicscm.platform.RuleViolationException;

/** Records hashboards off the line; each takes its dies from its order's kit, oldest allocation first. */
@Stateless
public class BoardRecorder {

    /** A board the floor reports as assembled. */
    /**
     * One board as a line-side terminal reports it, with the user who reported it: a group commit
     * records other threads' reports, and each board's event must name its own reporter.
     */
    public record Report(String serial, String buildOrderId, String lineId, String actor) {
        public Report(String serial, String buildOrderId, String lineId) {
            this(serial, buildOrderId, lineId, org.asicscm.platform.Acting.actor());
        }
    }

    /** The board recorded, or why it was refused (nothing of it written). */
    public record Outcome(Hashboard board, RuntimeException refusal) {}

    @PersistenceContext
    EntityManager em;

    @EJB
    EventOutbox outbox;

    @EJB
    Backflush backflush;

    @Inject
    Clock clock;

    /**
     * Records the boards in one transaction. A board that breaks a rule is refused alone, before
     * anything of it is written; the others still go in. Kits are locked in the order of their ids,
     * so two groups naming the same kits (on two instances) cannot deadlock. Always a transaction
     * of its own: the group holds other requests' boards, which are answered once it commits,
     * never inside the transaction of whichever request leads the group (idempotency keys open one).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Outcome> record(List<Report> reports) {
        Map<String, BuildKit> kits = new HashMap<>();
        for (String buildOrderId :
                new TreeSet<>(reports.stream().map(Report::buildOrderId).toList())) {
            kits.put(buildOrderId, em.find(BuildKit.class, buildOrderId, LockModeType.PESSIMISTIC_WRITE));
        }
        Map<String, List<BuildSchedule>> schedules = new HashMap<>();
        var outcomes = new ArrayList<Outcome>(reports.size());
        for (Report report : reports) {
            org.asicscm.platform.Acting.asEventActor(report.actor(), () -> {
                try {
                    outcomes.add(new Outcome(
                            record(
                                    report,
                                    kits.get(report.buildOrderId()),
                                    schedules.computeIfAbsent(report.buildOrderId(), this::schedulesOf)),
                            null));
                } catch (RuleViolationException | InvalidInputException refused) {
                    outcomes.add(new Outcome(null, refused));
                }
            });
        }
        takeParts(reports, outcomes);
        return outcomes;
    }

    /** The parts of the boards built, once per order and factory for the whole group. */
    private void takeParts(List<Report> reports, List<Outcome> outcomes) {
        var built = new LinkedHashMap<List<String>, List<String>>();
        for (Outcome outcome : outcomes) {
            Hashboard board = outcome.board();
            if (board != null) {
                String factoryId =
                        em.find(AssemblyLine.class, board.lineId()).factory().id();
                built.computeIfAbsent(List.of(board.buildOrderId(), factoryId), k -> new ArrayList<>())
                        .add(board.serial());
            }
        }
        org.asicscm.platform.Acting.asEventActor(
                reports.get(0).actor(),
                () -> built.forEach((key, serials) -> backflush.boards(
                        key.get(0),
                        key.get(1),
                        serials.size(),
                        serials.size() == 1
                                ? serials.get(0)
                                : serials.get(0) + " +" + (serials.size() - 1) + " boards")));
    }

    /**
     * Records a tray: every board or none. The first refusal rolls the tray back and names the
     * board ({@code serials[3]}) where the rule is about the board itself.
     */
    public List<Hashboard> recordTray(List<Report> tray) {
        var outcomes = record(tray);
        for (int i = 0; i < outcomes.size(); i++) {
            RuntimeException refusal = outcomes.get(i).refusal();
            if (refusal instanceof RuleViolationException rule && "serial".equals(rule.field())) {
                throw new RuleViolationException(rule.code(), "serials[" + i + "]", rule.getMessage(), rule.details());
            }
            if (refusal != null) {
                throw refusal;
            }
        }
        return outcomes.stream().map(Outcome::board).toList();
    }

    private Hashboard record(Report report, BuildKit kit, List<BuildSchedule> schedules) {
        // finds a board recorded earlier in this group too: it is already in the persistence context
        if (em.find(Hashboard.class, report.serial()) != null) {
            throw new RuleViolationException(
                    "duplicate-serial", "serial", "board " + report.serial() + " was already recorded");
        }
        if (kit == null) {
            throw new InvalidInputException(
                    "buildOrderId", "build order " + report.buildOrderId() + " has no dies on the floor");
        }
        AssemblyLine line = em.find(AssemblyLine.class, report.lineId());
        if (line == null) {
            throw new InvalidInputException("lineId", "no assembly line with id '" + report.lineId() + "'");
        }
        if (schedules.stream().noneMatch(s -> s.line().id().equals(report.lineId()))) {
            throw new RuleViolationException(
                    "not-scheduled-on-line",
                    "lineId",
                    "build order " + kit.orderNumber() + " is not scheduled on line " + line.code());
        }
        var taken = kit.takeBoard().orElseThrow(() -> insufficientKit(kit));
        var sources = taken.stream()
                .map(t -> new BoardDieSource(
                        t.line().allocationId(),
                        t.line().lotId(),
                        t.line().lotNumber(),
                        t.line().bin(),
                        t.dies()))
                .toList();
        OffsetDateTime at = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        var board = new Hashboard(report.serial(), kit, line, sources, at);
        em.persist(board);
        outbox.publish(
                new Events.BoardAssembled(
                        report.serial(),
                        report.buildOrderId(),
                        report.lineId(),
                        kit.chipModel(),
                        board.dies(),
                        sources.stream()
                                .map(s -> new Events.DieSource(
                                        s.allocationId(), s.lotId(), s.lotNumber(), s.bin(), s.dies()))
                                .toList(),
                        line.factory().id(),
                        line.code(),
                        shift(line, at)),
                kit.correlationId(),
                null);
        return board;
    }

    /**
     * The factory's local date and the line's shift at that hour (day split evenly into the
     * line's shifts from midnight), e.g. 2026-11-27/S2: what QA asks when a board comes back.
     */
    static String shift(AssemblyLine line, OffsetDateTime at) {
        var local = at.atZoneSameInstant(line.factory().zone());
        int shifts = Math.max(1, line.shiftsPerDay());
        int shift = local.getHour() * shifts / 24 + 1;
        return local.toLocalDate() + "/S" + shift;
    }

    private List<BuildSchedule> schedulesOf(String buildOrderId) {
        return em.createNamedQuery(BuildSchedule.OF_ORDER, BuildSchedule.class)
                .setParameter("buildOrderId", buildOrderId)
                .getResultList();
    }

    /** A board is built from one bin: the refusal lists what each bin has, so the planner sees which one is short. */
    private static RuleViolationException insufficientKit(BuildKit kit) {
        var byBin = kit.diesAvailableByBin();
        String perBin = byBin.isEmpty()
                ? "no dies"
                : byBin.entrySet().stream()
                        .map(e -> e.getValue() + " of " + e.getKey())
                        .collect(Collectors.joining(", "));
        return new RuleViolationException(
                "insufficient-kit",
                "buildOrderId",
                "the kit of " + kit.orderNumber() + " has " + perBin + "; a board takes " + kit.chipsPerBoard()
                        + " dies of one bin",
                Map.of("available", kit.diesAvailable(), "availableByBin", byBin, "perBoard", kit.chipsPerBoard()));
    }
}
