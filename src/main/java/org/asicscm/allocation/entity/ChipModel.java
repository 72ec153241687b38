package org.asicscm.allocation.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A SHA-256 ASIC design, e.g. BM1398 on a 7 nm process, with the speed bins its dies are sorted into. */
@Entity
@Table(name = "chip_model")
@NamedQuery(name = ChipModel.ALL, query = "select c from ChipModel c order by c.code")
public class ChipModel {
    public static final String ALL = "ChipModel.all";

    @Id
    private String code;

    @Column(name = "process_node")
    private String processNode;

    private String description;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "bin_definition", joinColumns = @JoinColumn(name = "chip_model"))
    @OrderBy("rank")
    private List<Bin> bins = new ArrayList<>();

    protected ChipModel() {}

    /** @param bins at least one, with distinct names and ranks */
    public ChipModel(String code, String processNode, String description, List<Bin> bins) {
        if (bins.isEmpty()) {
            throw new IllegalArgumentException("a chip model has at least one bin");
        }
        if (new HashSet<>(bins.stream().map(Bin::name).toList()).size() != bins.size()
                || new HashSet<>(bins.stream().map(Bin::rank).toList()).size() != bins.size()) {
            throw new IllegalArgumentException("bin names and ranks must be distinct");
        }
        this.code = Objects.requireNonNull(code);
        this.processNode = Objects.requireNonNull(processNode);
        this.description = description;
        this.bins.addAll(bins);
    }

    public Optional<Bin> bin(String name) {
        return bins.stream().filter(b -> b.name().equals(name)).findFirst();
    }

    public String code() {
        return code;
    }

    public String processNode() {
        return processNode;
    }

    public String description() {
        return description;
    }

    /** Best bin first. */
    public List<Bin> bins() {
        var sorted = new ArrayList<>(bins);
        sorted.sort(java.util.Comparator.comparingInt(Bin::rank));
        return Collections.unmodifiableList(sorted);
    }
}
