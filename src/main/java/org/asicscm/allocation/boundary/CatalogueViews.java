package org.asicscm.allocation.boundary;

import static org.asicscm.allocation.boundary.AllocationViews.CODE;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.asicscm.allocation.entity.Bin;
import org.asicscm.allocation.entity.ChipModel;
import org.asicscm.allocation.entity.Product;

/** Requests and answers of the catalogue: chip models with their bins, and products. */
public final class CatalogueViews {
    private CatalogueViews() {}

    public record BinDefinitionRequest(
            @NotBlank @Size(max = 16) @Pattern(regexp = CODE)
            String name,

            @NotNull @Min(1) @Max(99) Integer rank,
            @NotNull @Min(1) @Max(10_000) Integer frequencyMhz,
            @NotNull @Min(1) @Max(5_000) Integer voltageMv,

            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("9999")
            BigDecimal efficiencyJth) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public BinDefinitionRequest(
                String name, Integer rank, Integer frequencyMhz, Integer voltageMv, BigDecimal efficiencyJth) {
            this.name = name;
            this.rank = rank;
            this.frequencyMhz = frequencyMhz;
            this.voltageMv = voltageMv;
            this.efficiencyJth = efficiencyJth;
        }

        Bin toBin() {
            return new Bin(name, rank, frequencyMhz, voltageMv, efficiencyJth);
        }
    }

    public record ChipModelRequest(
            @NotBlank @Size(max = 32) @Pattern(regexp = CODE)
            String code,

            @NotBlank @Size(max = 16) String processNode,
            @Size(max = 200) String description,
            @NotEmpty @Size(max = 20) @Valid List<BinDefinitionRequest> bins) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public ChipModelRequest(String code, String processNode, String description, List<BinDefinitionRequest> bins) {
            this.code = code;
            this.processNode = processNode;
            this.description = description;
            this.bins = bins;
        }
    }

    public record BinDefinitionView(String name, int rank, int frequencyMhz, int voltageMv, BigDecimal efficiencyJth) {}

    public record ChipModelView(String code, String processNode, String description, List<BinDefinitionView> bins) {
        static ChipModelView of(ChipModel m) {
            return new ChipModelView(
                    m.code(),
                    m.processNode(),
                    m.description(),
                    m.bins().stream()
                            .map(b -> new BinDefinitionView(
                                    b.name(), b.rank(), b.frequencyMhz(), b.voltageMv(), b.efficiencyJth()))
                            .toList());
        }
    }

    public record ProductRequest(
            @NotBlank @Size(max = 40) @Pattern(regexp = CODE)
            String code,

            @NotBlank @Size(max = 80) String name,
            @NotBlank @Size(max = 32) String chipModel,
            @NotNull @Min(1) @Max(1000) Integer chipsPerBoard,
            @NotNull @Min(1) @Max(10) Integer boardsPerMachine,
            @NotBlank @Size(max = 16) String minBin,
            @Size(max = 20) List<String> substitutes,

            @DecimalMin("0") @DecimalMax("50") @Digits(integer = 2, fraction = 2)
            BigDecimal scrapAllowancePercent) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public ProductRequest(
                String code,
                String name,
                String chipModel,
                Integer chipsPerBoard,
                Integer boardsPerMachine,
                String minBin,
                List<String> substitutes,
                BigDecimal scrapAllowancePercent) {
            this.code = code;
            this.name = name;
            this.chipModel = chipModel;
            this.chipsPerBoard = chipsPerBoard;
            this.boardsPerMachine = boardsPerMachine;
            this.minBin = minBin;
            this.substitutes = substitutes;
            this.scrapAllowancePercent = scrapAllowancePercent;
        }
    }

    public record ProductView(
            String code,
            String name,
            String chipModel,
            int chipsPerBoard,
            int boardsPerMachine,
            String minBin,
            List<String> substitutes,
            BigDecimal scrapAllowancePercent) {
        static ProductView of(Product p) {
            return new ProductView(
                    p.code(),
                    p.name(),
                    p.chipModel(),
                    p.chipsPerBoard(),
                    p.boardsPerMachine(),
                    p.minBin(),
                    p.substitutes(),
                    p.scrapAllowancePercent());
        }
    }
}
