package org.asicscm.shipping.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.asicscm.shipping.control.CarrierTracking;
import org.asicscm.shipping.entity.Carton;
import org.asicscm.shipping.entity.Milestone;
import org.asicscm.shipping.entity.Pallet;

/** What the packing, release and tracking resources take and answer. */
public final class LogisticsViews {

    /** A carton: the serials in it, weights in kg, size in cm, and the pallet it is on (if any). */
    public record CartonRequest(
            @NotEmpty @Size(max = 50) List<@NotNull @Size(max = 40) String> serials,

            @Size(max = 20) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*")
            String pallet,

            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("2000")
            BigDecimal grossKg,

            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("2000")
            BigDecimal netKg,

            @NotNull @Min(1) @Max(400) Integer lengthCm,
            @NotNull @Min(1) @Max(400) Integer widthCm,
            @NotNull @Min(1) @Max(400) Integer heightCm) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public CartonRequest(
                List<String> serials,
                String pallet,
                BigDecimal grossKg,
                BigDecimal netKg,
                Integer lengthCm,
                Integer widthCm,
                Integer heightCm) {
            this.serials = serials;
            this.pallet = pallet;
            this.grossKg = grossKg;
            this.netKg = netKg;
            this.lengthCm = lengthCm;
            this.widthCm = widthCm;
            this.heightCm = heightCm;
        }
    }

    public record CartonView(
            String id,
            int number,
            String pallet,
            List<String> serials,
            BigDecimal grossKg,
            BigDecimal netKg,
            int lengthCm,
            int widthCm,
            int heightCm,
            String packedBy,
            OffsetDateTime packedAt) {
        static CartonView of(Carton c) {
            return new CartonView(
                    c.id(),
                    c.number(),
                    c.pallet(),
                    c.serials(),
                    c.grossKg(),
                    c.netKg(),
                    c.lengthCm(),
                    c.widthCm(),
                    c.heightCm(),
                    c.packedBy(),
                    c.packedAt());
        }
    }

    /** A pallet: its code (cartons name it), tare weight in kg and size in cm when loaded. */
    public record PalletRequest(
            @NotBlank @Size(max = 20) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*")
            String code,

            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("500")
            BigDecimal tareKg,

            @NotNull @Min(1) @Max(400) Integer lengthCm,
            @NotNull @Min(1) @Max(400) Integer widthCm,
            @NotNull @Min(1) @Max(400) Integer heightCm) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public PalletRequest(String code, BigDecimal tareKg, Integer lengthCm, Integer widthCm, Integer heightCm) {
            this.code = code;
            this.tareKg = tareKg;
            this.lengthCm = lengthCm;
            this.widthCm = widthCm;
            this.heightCm = heightCm;
        }
    }

    public record PalletView(String code, BigDecimal tareKg, int lengthCm, int widthCm, int heightCm) {
        static PalletView of(Pallet p) {
            return new PalletView(p.code(), p.tareKg(), p.lengthCm(), p.widthCm(), p.heightCm());
        }
    }

    public record CreditApprovalRequest(
            @NotBlank @Size(max = 500) String note) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public CreditApprovalRequest(String note) {
            this.note = note;
        }
    }

    /** exportLicence: the licence number, where the HS code needs one for the destination. */
    public record ReleaseRequest(
            @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9 ./_-]*")
            String exportLicence) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public ReleaseRequest(String exportLicence) {
            this.exportLicence = exportLicence;
        }
    }

    /** The gate as it stands: each unmet condition's code with why; released when there are none and it was released. */
    public record ReleaseCheckView(boolean releasable, boolean released, Map<String, String> unmet) {}

    /** One carrier event: the carrier's own id (a repeat is answered, not applied), its tracking number and milestone. */
    public record CarrierEventRequest(
            @NotBlank @Size(max = 80) String eventId,
            @NotBlank @Size(max = 40) String trackingNumber,
            @NotNull Milestone milestone,
            @NotNull OffsetDateTime occurredAt,
            @Size(max = 120) String location,
            OffsetDateTime eta) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public CarrierEventRequest(
                String eventId,
                String trackingNumber,
                Milestone milestone,
                OffsetDateTime occurredAt,
                String location,
                OffsetDateTime eta) {
            this.eventId = eventId;
            this.trackingNumber = trackingNumber;
            this.milestone = milestone;
            this.occurredAt = occurredAt;
            this.location = location;
            this.eta = eta;
        }
    }

    public record CarrierBatchRequest(
            @NotEmpty @Size(max = 500) List<@Valid @NotNull CarrierEventRequest> events) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public CarrierBatchRequest(List<CarrierEventRequest> events) {
            this.events = events;
        }
    }

    public record CarrierResultView(String eventId, String legId, String outcome) {
        static CarrierResultView of(CarrierTracking.Result r) {
            return new CarrierResultView(r.eventId(), r.legId(), r.outcome().name());
        }
    }

    public record OnTimeView(String key, long arrived, long onTime, double share) {
        static OnTimeView of(CarrierTracking.OnTime o) {
            return new OnTimeView(o.key(), o.arrived(), o.onTime(), Math.round(o.share() * 10000) / 10000.0);
        }
    }

    private LogisticsViews() {}
}
