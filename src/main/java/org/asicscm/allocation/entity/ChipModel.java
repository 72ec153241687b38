package org.asicscm.allocation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Objects;

/** A SHA-256 ASIC design, e.g. BM1398 on a 7 nm process. */
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

    protected ChipModel() {
    }

    public ChipModel(String code, String processNode, String description) {
        this.code = Objects.requireNonNull(code);
        this.processNode = Objects.requireNonNull(processNode);
        this.description = description;
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
}
