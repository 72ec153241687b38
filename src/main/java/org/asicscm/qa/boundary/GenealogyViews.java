package org.asicscm.qa.boundary;

import java.time.OffsetDateTime;
import java.util.List;
import org.asicscm.platform.Page;
import org.asicscm.qa.boundary.QaViews.ReturnView;
import org.asicscm.qa.boundary.QaViews.ReworkView;
import org.asicscm.qa.boundary.QaViews.TestView;
import org.asicscm.qa.control.Recall;
import org.asicscm.qa.control.Trace;
import org.asicscm.qa.entity.DieRun;
import org.asicscm.qa.entity.TracedMachine;

/** What recall and trace answer. */
public final class GenealogyViews {
    private GenealogyViews() {}

    public record RecallView(
            String scope, String subject, String bin, Recall.Summary summary, Page<Recall.Row> units) {}

    /** Chip positions firstChip..lastChip filled from one lot and bin; replacedInRework when a rework put it there. */
    public record DieRunView(int firstChip, int lastChip, String lotNumber, String bin, boolean replacedInRework) {
        static DieRunView of(DieRun r) {
            return new DieRunView(r.firstChip(), r.lastChip(), r.lotNumber(), r.bin(), r.reworkId() != null);
        }
    }

    public record BoardTraceView(
            String serial,
            Integer chain,
            String status,
            String buildOrderId,
            String chipModel,
            String lineId,
            String lineCode,
            String factoryId,
            String shift,
            OffsetDateTime assembledAt,
            List<DieRunView> dies) {
        static BoardTraceView of(Trace.Board b) {
            var board = b.board();
            return new BoardTraceView(
                    board.serial(),
                    board.chain(),
                    b.unit() == null ? null : b.unit().status().name(),
                    board.buildOrderId(),
                    board.chipModel(),
                    board.lineId(),
                    board.lineCode(),
                    board.factoryId(),
                    board.shift(),
                    board.assembledAt(),
                    b.runs().stream().map(DieRunView::of).toList());
        }
    }

    public record MachineTraceView(
            String serial,
            String buildOrderId,
            String controlBoardSerial,
            String controlBoardLot,
            String psuSerial,
            String psuLot,
            OffsetDateTime assembledAt,
            String shipmentId,
            String customerId,
            String customerName,
            String destinationCountry,
            OffsetDateTime shippedAt,
            OffsetDateTime deliveredAt) {
        static MachineTraceView of(TracedMachine m) {
            return m == null
                    ? null
                    : new MachineTraceView(
                            m.serial(),
                            m.buildOrderId(),
                            m.controlBoardSerial(),
                            m.controlBoardLot(),
                            m.psuSerial(),
                            m.psuLot(),
                            m.assembledAt(),
                            m.shipmentId(),
                            m.customerId(),
                            m.customerName(),
                            m.destinationCountry(),
                            m.shippedAt(),
                            m.deliveredAt());
        }
    }

    /** A test in a trace names the unit it was of: the machine itself or one of its boards. */
    public record TracedTestView(String serial, TestView test) {}

    public record TracedReworkView(String serial, ReworkView rework) {}

    public record TraceView(
            String serial,
            String kind,
            String status,
            String orderNumber,
            String product,
            MachineTraceView machine,
            List<BoardTraceView> boards,
            List<TracedTestView> tests,
            List<TracedReworkView> reworks,
            List<ReturnView> returns) {
        static TraceView of(Trace.Report r) {
            return new TraceView(
                    r.serial(),
                    r.unit() == null ? null : r.unit().kind().name(),
                    r.unit() == null ? null : r.unit().status().name(),
                    r.orderNumber(),
                    r.product(),
                    MachineTraceView.of(r.machine()),
                    r.boards().stream().map(BoardTraceView::of).toList(),
                    r.tests().stream()
                            .map(t -> new TracedTestView(t.serial(), TestView.of(t)))
                            .toList(),
                    r.reworks().stream()
                            .map(w -> new TracedReworkView(w.serial(), ReworkView.of(w)))
                            .toList(),
                    r.returns().stream().map(ReturnView::of).toList());
        }
    }
}
