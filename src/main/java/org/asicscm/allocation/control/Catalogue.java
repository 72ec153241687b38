package org.asicscm.allocation.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.List;
import org.asicscm.allocation.entity.Bin;
import org.asicscm.allocation.entity.BuildOrder;
import org.asicscm.allocation.entity.ChipModel;
import org.asicscm.allocation.entity.Product;
import org.asicscm.platform.InvalidInputException;
import org.asicscm.platform.RuleViolationException;
import org.asicscm.platform.UnknownEntityException;

/**
 * What can be built from what: chip models with their bins, and products with the bins they
 * accept and their scrap allowance.
 */
@Stateless
public class Catalogue {

    @PersistenceContext
    EntityManager em;

    public ChipModel registerChipModel(String code, String processNode, String description, List<Bin> bins) {
        if (em.find(ChipModel.class, code) != null) {
            throw new RuleViolationException("duplicate-chip-model", "code", "chip model " + code + " already exists");
        }
        for (int i = 0; i < bins.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (bins.get(j).name().equals(bins.get(i).name())) {
                    throw new InvalidInputException(
                            "bins[" + i + "].name", "bin " + bins.get(i).name() + " is listed twice");
                }
                if (bins.get(j).rank() == bins.get(i).rank()) {
                    throw new InvalidInputException(
                            "bins[" + i + "].rank",
                            "rank " + bins.get(i).rank() + " is already bin "
                                    + bins.get(j).name() + "'s");
                }
            }
        }
        var model = new ChipModel(code, processNode, description, bins);
        em.persist(model);
        return model;
    }

    public ChipModel chipModel(String code) {
        ChipModel model = em.find(ChipModel.class, code);
        if (model == null) {
            throw new UnknownEntityException("chip model", code);
        }
        return model;
    }

    public List<ChipModel> chipModels() {
        return em.createNamedQuery(ChipModel.ALL, ChipModel.class).getResultList();
    }

    public Product registerProduct(
            String code,
            String name,
            String chipModelCode,
            int chipsPerBoard,
            int boardsPerMachine,
            String minBin,
            List<String> substitutes,
            BigDecimal scrapAllowancePercent) {
        if (em.find(Product.class, code) != null) {
            throw new RuleViolationException("duplicate-product", "code", "product " + code + " already exists");
        }
        ChipModel model = knownChipModel(chipModelCode);
        Bin least = model.bin(minBin)
                .orElseThrow(() -> new InvalidInputException("minBin", model.code() + " has no bin '" + minBin + "'"));
        for (int i = 0; i < substitutes.size(); i++) {
            String field = "substitutes[" + i + "]";
            Bin better = model.bin(substitutes.get(i))
                    .orElseThrow(() -> new InvalidInputException(field, model.code() + " has no such bin"));
            if (!better.betterThan(least)) {
                throw new InvalidInputException(
                        field,
                        "bin " + better.name() + " (rank " + better.rank() + ") is not better than the minimum bin "
                                + least.name() + " (rank " + least.rank() + ")");
            }
        }
        var product = new Product(code, name, model, chipsPerBoard, boardsPerMachine, minBin, substitutes);
        product.allowScrap(scrapAllowancePercent);
        em.persist(product);
        return product;
    }

    public Product product(String code) {
        Product product = em.find(Product.class, code);
        if (product == null) {
            throw new UnknownEntityException("product", code);
        }
        return product;
    }

    public List<Product> products() {
        return em.createNamedQuery(Product.ALL, Product.class).getResultList();
    }

    public ChipModel knownChipModel(String code) {
        ChipModel model = em.find(ChipModel.class, code);
        if (model == null) {
            throw new InvalidInputException("chipModel", "no chip model '" + code + "'");
        }
        return model;
    }

    public List<Bin> acceptableBins(BuildOrder order) {
        return product(order.product()).acceptableBins(knownChipModel(order.chipModel()));
    }
}
