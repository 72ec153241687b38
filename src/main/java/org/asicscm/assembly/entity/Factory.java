package org.asicscm.assembly.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Objects;
import java.util.UUID;

/** A contract assembly factory in Bao'an. */
@Entity
@Table(name = "factory")
@NamedQuery(name = Factory.ALL, query = "select f from Factory f order by f.code")
@NamedQuery(name = Factory.BY_CODE, query = "select f from Factory f where f.code = :code")
public class Factory {
    public static final String ALL = "Factory.all";
    public static final String BY_CODE = "Factory.byCode";

    @Id
    private String id;
    private String code;
    private String name;
    @Enumerated(EnumType.STRING)
    @Column(name = "sub_district")
    private SubDistrict subDistrict;

    protected Factory() {
    }

    public Factory(String code, String name, SubDistrict subDistrict) {
        this.id = UUID.randomUUID().toString();
        this.code = Objects.requireNonNull(code);
        this.name = Objects.requireNonNull(name);
        this.subDistrict = Objects.requireNonNull(subDistrict);
    }

    public String id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public SubDistrict subDistrict() {
        return subDistrict;
    }
}
