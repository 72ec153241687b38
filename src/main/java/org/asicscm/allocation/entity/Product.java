package org.asicscm.allocation.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A machine the OEM sells, e.g. "S19 Pro 110 TH/s": which chip model it takes, how many on a
 * board and how many boards in a machine, the least bin that reaches its rated hashrate and the
 * better bins that may stand in for it.
 */
@Entity
@Table(name = "product")
@NamedQuery(name = Product.ALL, query = "select p from Product p order by p.code")
public class Product {
    public static final String ALL = "Product.all";
    public static final BigDecimal DEFAULT_SCRAP_ALLOWANCE = new BigDecimal("2.00");
    public static final BigDecimal MAX_SCRAP_ALLOWANCE = new BigDecimal("50");

    @Id
    private String code;

    private String name;

    @Column(name = "chip_model")
    private String chipModel;

    @Column(name = "chips_per_board")
    private int chipsPerBoard;

    @Column(name = "boards_per_machine")
    private int boardsPerMachine;

    @Column(name = "min_bin")
    private String minBin;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "product_substitute", joinColumns = @JoinColumn(name = "product"))
    @Column(name = "bin")
    private Set<String> substitutes = new java.util.HashSet<>();
    /** Boards QA may scrap before the order gets no more replacement dies, as a share of the boards ordered. */
    @Column(name = "scrap_allowance_percent")
    private BigDecimal scrapAllowancePercent = DEFAULT_SCRAP_ALLOWANCE;

    protected Product() {}

    /**
     * @throws IllegalArgumentException if a bin is not one of the chip model's or a substitute
     *                                  is not better than the minimum bin
     */
    public Product(
            String code,
            String name,
            ChipModel chipModel,
            int chipsPerBoard,
            int boardsPerMachine,
            String minBin,
            List<String> substitutes) {
        if (chipsPerBoard <= 0 || boardsPerMachine <= 0) {
            throw new IllegalArgumentException("chips per board and boards per machine must be positive");
        }
        Bin least = chipModel
                .bin(minBin)
                .orElseThrow(() -> new IllegalArgumentException(chipModel.code() + " has no bin " + minBin));
        for (String substitute : substitutes) {
            Bin better = chipModel
                    .bin(substitute)
                    .orElseThrow(() -> new IllegalArgumentException(chipModel.code() + " has no bin " + substitute));
            if (!better.betterThan(least)) {
                throw new IllegalArgumentException("substitute " + substitute + " is not better than " + minBin);
            }
        }
        this.code = Objects.requireNonNull(code);
        this.name = Objects.requireNonNull(name);
        this.chipModel = chipModel.code();
        this.chipsPerBoard = chipsPerBoard;
        this.boardsPerMachine = boardsPerMachine;
        this.minBin = minBin;
        this.substitutes = new HashSet<>(substitutes);
    }

    /**
     * The bins the product accepts, the least one first: the order in which best fit spends
     * them, so that the better bins stay free for demanding products.
     */
    public List<Bin> acceptableBins(ChipModel model) {
        var acceptable = new ArrayList<Bin>();
        for (Bin bin : model.bins()) {
            if (bin.name().equals(minBin) || substitutes.contains(bin.name())) {
                acceptable.add(bin);
            }
        }
        acceptable.sort(Comparator.comparingInt(Bin::rank).reversed());
        return acceptable;
    }

    /** @throws IllegalArgumentException outside 0 to 50 percent */
    public void allowScrap(BigDecimal percent) {
        if (percent.signum() < 0 || percent.compareTo(MAX_SCRAP_ALLOWANCE) > 0) {
            throw new IllegalArgumentException("a scrap allowance runs from 0 to 50 percent");
        }
        this.scrapAllowancePercent = percent.setScale(2, RoundingMode.HALF_UP);
    }

    /** Replacement boards an order of this many boards may draw dies for: the allowance, rounded up. */
    public int scrapAllowanceBoards(int boardsOrdered) {
        return BigDecimal.valueOf(boardsOrdered)
                .multiply(scrapAllowancePercent)
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING)
                .intValueExact();
    }

    public BigDecimal scrapAllowancePercent() {
        return scrapAllowancePercent;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public String chipModel() {
        return chipModel;
    }

    public int chipsPerBoard() {
        return chipsPerBoard;
    }

    public int boardsPerMachine() {
        return boardsPerMachine;
    }

    public String minBin() {
        return minBin;
    }

    public List<String> substitutes() {
        return substitutes.stream().sorted().toList();
    }
}
