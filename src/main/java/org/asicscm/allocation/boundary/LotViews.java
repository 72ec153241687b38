package org.asicscm.allocation.boundary;

import static org.asicscm.allocation.boundary.AllocationViews.CODE;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.asicscm.allocation.control.WaferLots;
import org.asicscm.allocation.entity.LotCorrection;
import org.asicscm.allocation.entity.WaferLot;
import org.asicscm.events.Events;

/** Requests and answers about wafer lots: their bins, and corrections of their good dies. */
public final class LotViews {
    private LotViews() {}

    public record BinRequest(
            @NotBlank @Size(max = 16) @Pattern(regexp = CODE)
            String bin,

            @NotNull @Min(0) @Max(10_000_000) Integer goodDies) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public BinRequest(String bin, Integer goodDies) {
            this.bin = bin;
            this.goodDies = goodDies;
        }
    }

    public record LotRequest(
            @NotBlank @Size(max = 40) @Pattern(regexp = CODE)
            String lotNumber,

            @NotBlank @Size(max = 32) String chipModel,
            @NotNull @Min(1) @Max(50) Integer wafers,
            @NotEmpty @Size(max = 20) @Valid List<BinRequest> bins) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public LotRequest(String lotNumber, String chipModel, Integer wafers, List<BinRequest> bins) {
            this.lotNumber = lotNumber;
            this.chipModel = chipModel;
            this.wafers = wafers;
            this.bins = bins;
        }
    }

    public record BinView(String bin, int goodDies, int allocatedDies, int availableDies) {}

    public record LotView(
            String id,
            String lotNumber,
            String chipModel,
            int wafers,
            OffsetDateTime receivedAt,
            String correlationId,
            boolean onHold,
            int goodDies,
            List<BinView> bins) {
        static LotView of(WaferLot lot) {
            return new LotView(
                    lot.id(),
                    lot.lotNumber(),
                    lot.chipModel(),
                    lot.waferCount(),
                    lot.receivedAt(),
                    lot.correlationId(),
                    lot.onHold(),
                    lot.goodDies(),
                    lot.bins().stream()
                            .map(b -> new BinView(b.bin(), b.goodDies(), b.allocatedDies(), b.available()))
                            .toList());
        }
    }

    public record CorrectionRequest(
            @NotBlank @Size(max = 300) String reason,
            @NotEmpty @Size(max = 20) @Valid List<BinRequest> bins) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public CorrectionRequest(String reason, List<BinRequest> bins) {
            this.reason = reason;
            this.bins = bins;
        }
    }

    public record CorrectionView(
            LotView lot, List<Events.BinCorrection> bins, List<Events.Withdrawal> withdrawals, int diesWithdrawn) {
        static CorrectionView of(WaferLots.Correction c) {
            return new CorrectionView(
                    LotView.of(c.lot()),
                    c.bins(),
                    c.withdrawals(),
                    c.withdrawals().stream().mapToInt(Events.Withdrawal::dies).sum());
        }
    }

    public record CorrectionLogView(
            String bin, int goodBefore, int goodAfter, int diesWithdrawn, String reason, OffsetDateTime correctedAt) {
        static CorrectionLogView of(LotCorrection c) {
            return new CorrectionLogView(
                    c.bin(), c.goodBefore(), c.goodAfter(), c.diesWithdrawn(), c.reason(), c.correctedAt());
        }
    }
}
