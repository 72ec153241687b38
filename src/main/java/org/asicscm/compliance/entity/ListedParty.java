package org.asicscm.compliance.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** One row of a restricted-party list: a name, its alternate names (";"-separated), addresses, country, source. */
@Entity
@Table(name = "screening_entry")
@NamedQuery(
        name = ListedParty.OF_LIST,
        query = "select p from ListedParty p where p.listId = :listId order by p.rowNumber")
public class ListedParty {
    public static final String OF_LIST = "ListedParty.ofList";

    @Id
    private String id;

    @Column(name = "list_id")
    private String listId;

    @Column(name = "row_number")
    private int rowNumber;

    private String name;

    @Column(name = "alternate_names")
    private String alternateNames;

    private String addresses;
    private String country;

    @Column(name = "list_source")
    private String listSource;

    protected ListedParty() {}

    public ListedParty(
            String listId,
            int rowNumber,
            String name,
            String alternateNames,
            String addresses,
            String country,
            String listSource) {
        this.id = listId + "/" + rowNumber;
        this.listId = Objects.requireNonNull(listId);
        this.rowNumber = rowNumber;
        this.name = Objects.requireNonNull(name);
        this.alternateNames = alternateNames;
        this.addresses = addresses;
        this.country = country;
        this.listSource = Objects.requireNonNull(listSource);
    }

    /** Its name first, then each alternate name. */
    public List<String> names() {
        var names = new ArrayList<String>();
        names.add(name);
        if (alternateNames != null) {
            for (String alternate : alternateNames.split(";")) {
                if (!alternate.isBlank()) {
                    names.add(alternate.strip());
                }
            }
        }
        return names;
    }

    public int rowNumber() {
        return rowNumber;
    }

    public String name() {
        return name;
    }

    public String country() {
        return country;
    }

    public String listSource() {
        return listSource;
    }
}
