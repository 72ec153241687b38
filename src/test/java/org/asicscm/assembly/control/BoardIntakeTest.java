package org.asicscm.assembly.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.asicscm.assembly.control.BoardRecorder.Outcome;
import org.asicscm.assembly.control.BoardRecorder.Report;
import org.asicscm.platform.RuleViolationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The turn-taking of the intake without a container: a recorder that refuses every serial
 * starting with "NO" (naming it in the refusal's code) and records the rest, and that can fail a
 * whole group the way an unforeseen database error would. The recording itself is covered by
 * SupplyChainIT against the real container.
 */
class BoardIntakeTest {
    private final ExecutorService clients = Executors.newFixedThreadPool(16);

    @AfterEach
    void stop() {
        clients.shutdownNow();
    }

    /** Records what it was given, group by group; slow enough that reports queue behind a group. */
    static class Recorder extends BoardRecorder {
        final List<List<String>> groups = new CopyOnWriteArrayList<>();
        final ConcurrentHashMap<String, Integer> recorded = new ConcurrentHashMap<>();
        volatile String failsAnyGroupWith;

        @Override
        public List<Outcome> record(List<Report> reports) {
            List<String> serials = reports.stream().map(Report::serial).toList();
            groups.add(serials);
            sleep();
            if (failsAnyGroupWith != null && serials.contains(failsAnyGroupWith)) {
                throw new IllegalStateException("the group with " + failsAnyGroupWith + " failed at commit");
            }
            var outcomes = new ArrayList<Outcome>();
            for (String serial : serials) {
                if (serial.startsWith("NO")) {
                    outcomes.add(new Outcome(null, new RuleViolationException(serial, "serial", "refused")));
                } else {
                    recorded.merge(serial, 1, Integer::sum);
                    outcomes.add(new Outcome(null, null));
                }
            }
            return outcomes;
        }

        private static void sleep() {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static BoardIntake intake(Recorder recorder) {
        var intake = new BoardIntake();
        intake.recorder = recorder;
        return intake;
    }

    /** Submits every serial at once from 16 threads; each future's value is what its caller saw. */
    private List<Future<String>> submitAtOnce(BoardIntake intake, List<String> serials) throws InterruptedException {
        var start = new CountDownLatch(1);
        var futures = new ArrayList<Future<String>>();
        for (String serial : serials) {
            futures.add(clients.submit(() -> {
                start.await();
                try {
                    assertNull(intake.record(new Report(serial, "ORDER-1", "LINE-1")));
                    return "recorded";
                } catch (RuleViolationException refused) {
                    return "refused as " + refused.code();
                } catch (IllegalStateException failed) {
                    return "failed: " + failed.getMessage();
                }
            }));
        }
        start.countDown();
        return futures;
    }

    @Test
    void reportsArrivingTogetherShareGroupsAndEachGetsItsOwnAnswer() throws Exception {
        var recorder = new Recorder();
        var serials = new ArrayList<String>();
        for (int i = 0; i < 200; i++) {
            serials.add((i % 5 == 0 ? "NO-" : "HB-") + i);
        }
        var answers = submitAtOnce(intake(recorder), serials);

        for (int i = 0; i < serials.size(); i++) {
            String serial = serials.get(i);
            assertEquals(
                    serial.startsWith("NO") ? "refused as " + serial : "recorded",
                    answers.get(i).get(10, TimeUnit.SECONDS),
                    serial);
        }
        assertEquals(160, recorder.recorded.size());
        assertTrue(recorder.recorded.values().stream().allMatch(n -> n == 1), "a report recorded twice");
        assertEquals(200, recorder.groups.stream().mapToInt(List::size).sum(), "a report went to two groups");
        assertTrue(
                recorder.groups.size() < 200, "no report ever waited for another's group: " + recorder.groups.size());
    }

    @Test
    void aGroupThatFailsIsRetriedOneByOneSoOnlyTheFailingReportFails() throws Exception {
        var recorder = new Recorder();
        recorder.failsAnyGroupWith = "HB-13";
        var serials = new ArrayList<String>();
        for (int i = 0; i < 64; i++) {
            serials.add("HB-" + i);
        }
        var answers = submitAtOnce(intake(recorder), serials);

        for (int i = 0; i < serials.size(); i++) {
            String answer = answers.get(i).get(10, TimeUnit.SECONDS);
            if (i == 13) {
                assertEquals("failed: the group with HB-13 failed at commit", answer);
            } else {
                assertEquals("recorded", answer, serials.get(i));
            }
        }
        assertEquals(63, recorder.recorded.size());
        assertTrue(recorder.groups.contains(List.of("HB-13")), "HB-13 was never tried alone: " + recorder.groups);
    }

    @Test
    void aLoneReportIsAGroupOfOneAndItsRefusalReachesItsCaller() {
        var recorder = new Recorder();
        var intake = intake(recorder);
        var refused = assertThrows(RuleViolationException.class, () -> intake.record(new Report("NO-1", "O", "L")));
        assertEquals("NO-1", refused.code());
        assertNull(intake.record(new Report("HB-1", "O", "L")));
        assertEquals(List.of(List.of("NO-1"), List.of("HB-1")), recorder.groups);
    }
}
