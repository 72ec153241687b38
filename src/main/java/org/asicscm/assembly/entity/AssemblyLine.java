package org.asicscm.assembly.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** An SMT and assembly line in a factory, with its capacity in boards per shift. */
@Entity
@Table(name = "assembly_line")
@NamedQuery(
        name = AssemblyLine.OF_FACTORY,
        query = "select l from AssemblyLine l where l.factory.id = :factoryId order by l.code")
@NamedQuery(name = AssemblyLine.ALL, query = "select l from AssemblyLine l order by l.factory.code, l.code, l.id")
public class AssemblyLine {
    public static final String OF_FACTORY = "AssemblyLine.ofFactory";
    public static final String ALL = "AssemblyLine.all";

    @Id
    private String id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "factory_id")
    private Factory factory;

    private String code;

    @Column(name = "boards_per_shift")
    private int boardsPerShift;

    @Column(name = "shifts_per_day")
    private int shiftsPerDay;
    /** Boards per shift for each product the line is set up for; none means any product at boardsPerShift. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "line_capacity", joinColumns = @JoinColumn(name = "line_id"))
    @MapKeyColumn(name = "product")
    @Column(name = "boards_per_shift")
    private Map<String, Integer> capacityByProduct = new HashMap<>();

    protected AssemblyLine() {}

    public AssemblyLine(Factory factory, String code, int boardsPerShift, int shiftsPerDay) {
        if (boardsPerShift <= 0 || shiftsPerDay < 1 || shiftsPerDay > 3) {
            throw new IllegalArgumentException("a line builds a positive number of boards in 1 to 3 shifts a day");
        }
        this.id = UUID.randomUUID().toString();
        this.factory = Objects.requireNonNull(factory);
        this.code = Objects.requireNonNull(code);
        this.boardsPerShift = boardsPerShift;
        this.shiftsPerDay = shiftsPerDay;
    }

    /** Sets up the line for a product at its own rate; from then on it builds only the products set up. */
    public void setCapacity(String product, int boardsPerShift) {
        if (boardsPerShift <= 0) {
            throw new IllegalArgumentException("a line builds a positive number of boards a shift");
        }
        capacityByProduct.put(Objects.requireNonNull(product), boardsPerShift);
    }

    public Map<String, Integer> capacityByProduct() {
        return Map.copyOf(capacityByProduct);
    }

    public String id() {
        return id;
    }

    public Factory factory() {
        return factory;
    }

    public String code() {
        return code;
    }

    public int boardsPerShift() {
        return boardsPerShift;
    }

    public int shiftsPerDay() {
        return shiftsPerDay;
    }
}
