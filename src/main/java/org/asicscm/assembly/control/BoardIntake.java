package org.asicscm.assembly.control;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.asicscm.assembly.control.BoardRecorder.Outcome;
import org.asicscm.assembly.control.BoardRecorder.Report;
import org.asicscm.assembly.entity.Hashboard;

/**
 * Where board reports wait for their turn at the kit. Every board of an order takes its dies
 * from the same kit row, so reports of one order are recorded one group at a time: whoever holds
 * the order's turn records everything that queued up behind it in one transaction, under one
 * lock of the kit and one commit, and hands each report its own answer (group commit). Alone, a
 * report is a group of one; under load a group is as large as the requests in flight.
 */
@ApplicationScoped
public class BoardIntake {
    private static final int STRIPES = 64;
    private static final int MAX_GROUP = 200;

    @EJB
    BoardRecorder recorder;

    private final Stripe[] stripes = new Stripe[STRIPES];

    public BoardIntake() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Stripe();
        }
    }

    /** Records the board, or throws why it was refused (the same exception a lone request would). */
    public Hashboard record(Report report) {
        Stripe stripe = stripes[Math.floorMod(report.buildOrderId().hashCode(), STRIPES)];
        var pending = new Pending(report);
        stripe.waiting.add(pending);
        stripe.turn.lock();
        try {
            while (!pending.settled) {
                List<Pending> group = stripe.next();
                if (group.isEmpty()) {
                    // only if a holder before us died between taking reports and answering them
                    throw new IllegalStateException("board " + report.serial() + " was taken and never answered");
                }
                settle(group);
            }
        } finally {
            stripe.turn.unlock();
        }
        return pending.result();
    }

    private void settle(List<Pending> group) {
        List<Outcome> outcomes;
        try {
            outcomes = recorder.record(group.stream().map(p -> p.report).toList());
        } catch (RuntimeException failed) {
            if (group.size() == 1) {
                group.get(0).fail(failed);
                return;
            }
            // an unforeseen failure of one report (a serial another instance recorded a moment
            // ago) must not cost the others their boards: each goes again on its own
            for (Pending pending : group) {
                settle(List.of(pending));
            }
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            group.get(i).settle(outcomes.get(i));
        }
    }

    private static final class Stripe {
        final ReentrantLock turn = new ReentrantLock();
        final Queue<Pending> waiting = new ConcurrentLinkedQueue<>();

        List<Pending> next() {
            var group = new ArrayList<Pending>();
            for (Pending p = waiting.poll(); p != null; p = group.size() < MAX_GROUP ? waiting.poll() : null) {
                group.add(p);
            }
            return group;
        }
    }

    /** Read and written under the stripe's lock only. */
    private static final class Pending {
        final Report report;
        boolean settled;
        Hashboard board;
        RuntimeException refusal;

        Pending(Report report) {
            this.report = report;
        }

        void settle(Outcome outcome) {
            board = outcome.board();
            refusal = outcome.refusal();
            settled = true;
        }

        void fail(RuntimeException failure) {
            refusal = failure;
            settled = true;
        }

        Hashboard result() {
            if (refusal != null) {
                throw refusal;
            }
            return board;
        }
    }
}
