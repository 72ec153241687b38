package org.asicscm.materials.boundary;

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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.asicscm.materials.entity.PartCount;
import org.asicscm.materials.entity.PartShortfall;
import org.asicscm.materials.entity.PartStock;
import org.asicscm.materials.entity.PurchaseOrder;
import org.asicscm.materials.entity.PurchaseOrderLine;

/** What the purchasing and parts-stock resources take and answer. */
public final class PartsViews {
    static final String CODE = "[A-Za-z0-9][A-Za-z0-9._/-]*";

    public record PurchaseOrderLineRequest(
            @NotBlank @Size(max = 40) String item,

            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("10000000")
            BigDecimal quantity,

            @NotNull LocalDate expectedOn) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public PurchaseOrderLineRequest(String item, BigDecimal quantity, LocalDate expectedOn) {
            this.item = item;
            this.quantity = quantity;
            this.expectedOn = expectedOn;
        }
    }

    public record PurchaseOrderRequest(
            @NotBlank @Size(max = 40) @Pattern(regexp = CODE)
            String poNumber,

            @NotBlank @Size(max = 120) String supplier,
            @NotEmpty @Size(max = 200) List<@Valid @NotNull PurchaseOrderLineRequest> lines) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public PurchaseOrderRequest(String poNumber, String supplier, List<PurchaseOrderLineRequest> lines) {
            this.poNumber = poNumber;
            this.supplier = supplier;
            this.lines = lines;
        }
    }

    public record PurchaseOrderLineView(
            int line, String item, BigDecimal quantity, BigDecimal received, BigDecimal open, LocalDate expectedOn) {
        static PurchaseOrderLineView of(PurchaseOrderLine l) {
            return new PurchaseOrderLineView(
                    l.lineNo(), l.itemCode(), l.quantity(), l.received(), l.open(), l.expectedOn());
        }
    }

    public record PurchaseOrderView(
            String id,
            String poNumber,
            String supplier,
            String createdBy,
            OffsetDateTime createdAt,
            List<PurchaseOrderLineView> lines) {
        static PurchaseOrderView of(PurchaseOrder p) {
            return new PurchaseOrderView(
                    p.id(),
                    p.poNumber(),
                    p.supplier(),
                    p.createdBy(),
                    p.createdAt(),
                    p.lines().stream().map(PurchaseOrderLineView::of).toList());
        }
    }

    /** Parts arriving against one line of the order; supplierLot is required for a lot-tracked item. */
    public record ReceiptRequest(
            @NotNull @Min(1) @Max(10_000) Integer line,

            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("10000000")
            BigDecimal quantity,

            @Size(max = 40) @Pattern(regexp = CODE) String supplierLot) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public ReceiptRequest(Integer line, BigDecimal quantity, String supplierLot) {
            this.line = line;
            this.quantity = quantity;
            this.supplierLot = supplierLot;
        }
    }

    /** Parts of one lot from the central warehouse to a factory's consignment. */
    public record TransferRequest(
            @NotBlank @Size(max = 40) String item,
            @Size(max = 40) String supplierLot,

            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("10000000")
            BigDecimal quantity,

            @NotBlank @Size(max = 36) String factoryId) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public TransferRequest(String item, String supplierLot, BigDecimal quantity, String factoryId) {
            this.item = item;
            this.supplierLot = supplierLot;
            this.quantity = quantity;
            this.factoryId = factoryId;
        }
    }

    /** Parts used at a location (CENTRAL or a factory's id), oldest lot first. */
    public record ConsumptionRequest(
            @NotBlank @Size(max = 40) String item,
            @NotBlank @Size(max = 40) String location,

            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("10000000")
            BigDecimal quantity,

            @Size(max = 80) String reference) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public ConsumptionRequest(String item, String location, BigDecimal quantity, String reference) {
            this.item = item;
            this.location = location;
            this.quantity = quantity;
            this.reference = reference;
        }
    }

    public record StockView(String item, String location, String supplierLot, BigDecimal quantity) {
        static StockView of(PartStock s) {
            return new StockView(s.itemCode(), s.location(), s.supplierLot(), s.quantity());
        }
    }

    /** counted: what was found of the lot (supplierLot absent for items not received by lot) at the location. */
    public record CountRequest(
            @NotBlank @Size(max = 40) String item,
            @NotBlank @Size(max = 40) String location,
            @Size(max = 40) String supplierLot,

            @NotNull @DecimalMin("0") @DecimalMax("10000000")
            BigDecimal counted,

            @Size(max = 300) String note) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public CountRequest(String item, String location, String supplierLot, BigDecimal counted, String note) {
            this.item = item;
            this.location = location;
            this.supplierLot = supplierLot;
            this.counted = counted;
            this.note = note;
        }
    }

    /** variance: counted less on record; unposted: what assembly took beyond the record, settled by this count. */
    public record CountView(
            String id,
            String item,
            String location,
            String supplierLot,
            BigDecimal onRecord,
            BigDecimal counted,
            BigDecimal variance,
            BigDecimal unposted,
            String countedBy,
            OffsetDateTime countedAt) {
        static CountView of(PartCount c) {
            return new CountView(
                    c.id(),
                    c.itemCode(),
                    c.location(),
                    c.supplierLot(),
                    c.onRecord(),
                    c.counted(),
                    c.variance(),
                    c.unposted(),
                    c.countedBy(),
                    c.countedAt());
        }
    }

    /** Parts a board or machine (reference) took that the location did not have on record. */
    public record ShortfallView(
            String id, String item, String location, BigDecimal quantity, String reference, OffsetDateTime recordedAt) {
        static ShortfallView of(PartShortfall s) {
            return new ShortfallView(s.id(), s.itemCode(), s.location(), s.quantity(), s.reference(), s.recordedAt());
        }
    }

    private PartsViews() {}
}
