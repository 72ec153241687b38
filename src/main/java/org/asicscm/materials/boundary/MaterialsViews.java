package org.asicscm.materials.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.asicscm.materials.entity.BomLine;
import org.asicscm.materials.entity.BomVersion;
import org.asicscm.materials.entity.Item;

/** What the materials resources take and answer. */
public final class MaterialsViews {
    static final String CODE = "[A-Za-z0-9][A-Za-z0-9._-]*";

    public record ItemRequest(
            @NotBlank @Size(max = 40) @Pattern(regexp = CODE)
            String code,

            @NotBlank @Size(max = 200) String description,
            @NotNull Item.Kind kind,
            @NotNull Item.Uom uom,
            Boolean lotTracked) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public ItemRequest(String code, String description, Item.Kind kind, Item.Uom uom, Boolean lotTracked) {
            this.code = code;
            this.description = description;
            this.kind = kind;
            this.uom = uom;
            this.lotTracked = lotTracked;
        }
    }

    public record ItemView(String code, String description, String kind, String uom, boolean lotTracked) {
        static ItemView of(Item i) {
            return new ItemView(
                    i.code(), i.description(), i.kind().name(), i.uom().name(), i.lotTracked());
        }
    }

    /** So much of an item per hashboard or per machine; scrapFactor the share lost (0 to below 1, default 0). */
    public record BomLineRequest(
            @NotNull BomLine.Level level,
            @NotBlank @Size(max = 40) String item,

            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100000")
            BigDecimal quantity,

            @DecimalMin("0") @DecimalMax(value = "1", inclusive = false)
            BigDecimal scrapFactor) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public BomLineRequest(BomLine.Level level, String item, BigDecimal quantity, BigDecimal scrapFactor) {
            this.level = level;
            this.item = item;
            this.quantity = quantity;
            this.scrapFactor = scrapFactor;
        }
    }

    public record BomRequest(
            @NotNull LocalDate effectiveFrom,
            @Size(max = 200) String note,
            @NotEmpty @Size(max = 200) List<@Valid @NotNull BomLineRequest> lines) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public BomRequest(LocalDate effectiveFrom, String note, List<BomLineRequest> lines) {
            this.effectiveFrom = effectiveFrom;
            this.note = note;
            this.lines = lines;
        }
    }

    public record BomLineView(String level, String item, BigDecimal quantity, BigDecimal scrapFactor) {
        static BomLineView of(BomLine l) {
            return new BomLineView(l.level().name(), l.itemCode(), l.quantity(), l.scrapFactor());
        }
    }

    public record BomView(
            String product,
            int version,
            LocalDate effectiveFrom,
            String note,
            String createdBy,
            OffsetDateTime createdAt,
            List<BomLineView> lines) {
        static BomView of(BomVersion b) {
            return new BomView(
                    b.product(),
                    b.version(),
                    b.effectiveFrom(),
                    b.note(),
                    b.createdBy(),
                    b.createdAt(),
                    b.lines().stream().map(BomLineView::of).toList());
        }
    }

    private MaterialsViews() {}
}
