package org.asicscm.shipping.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Objects;
import java.util.UUID;

/** A buyer abroad: a miner, a reseller or a hosting farm. */
@Entity
@Table(name = "customer")
public class Customer {
    @Id
    private String id;

    private String name;
    /** ISO 3166-1 alpha-2 */
    private String country;

    protected Customer() {}

    public Customer(String name, String country) {
        this.id = UUID.randomUUID().toString();
        this.name = Objects.requireNonNull(name);
        this.country = Objects.requireNonNull(country);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String country() {
        return country;
    }
}
