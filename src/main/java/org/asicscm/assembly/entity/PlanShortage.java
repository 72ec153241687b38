package org.asicscm.assembly.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * Parts a build order lacked when it was last planned: the most of an item missing at once, at
 * the factory and on the day it first held the order back. Replaced each time the order is planned.
 */
@Entity
@Table(name = "plan_shortage")
@NamedQuery(name = PlanShortage.ALL, query = "select s from PlanShortage s order by s.neededOn, s.itemCode")
@NamedQuery(
        name = PlanShortage.BETWEEN,
        query = "select s from PlanShortage s where s.neededOn >= :from and s.neededOn <= :to")
@NamedQuery(name = PlanShortage.DELETE_OF_ORDERS, query = "delete from PlanShortage s where s.buildOrderId in :ids")
public class PlanShortage {
    public static final String ALL = "PlanShortage.all";
    public static final String BETWEEN = "PlanShortage.between";
    public static final String DELETE_OF_ORDERS = "PlanShortage.deleteOfOrders";

    @Id
    private String id;

    @Column(name = "build_order_id")
    private String buildOrderId;

    @Column(name = "item_code")
    private String itemCode;

    @Column(name = "factory_id")
    private String factoryId;

    private long quantity;

    @Column(name = "needed_on")
    private LocalDate neededOn;

    @Column(name = "planned_at")
    private OffsetDateTime plannedAt;

    protected PlanShortage() {}

    public PlanShortage(
            String buildOrderId,
            String itemCode,
            String factoryId,
            long quantity,
            LocalDate neededOn,
            OffsetDateTime at) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("a shortage is of at least one part");
        }
        this.id = UUID.randomUUID().toString();
        this.buildOrderId = Objects.requireNonNull(buildOrderId);
        this.itemCode = Objects.requireNonNull(itemCode);
        this.factoryId = Objects.requireNonNull(factoryId);
        this.quantity = quantity;
        this.neededOn = Objects.requireNonNull(neededOn);
        this.plannedAt = Objects.requireNonNull(at);
    }

    public String buildOrderId() {
        return buildOrderId;
    }

    public String itemCode() {
        return itemCode;
    }

    public String factoryId() {
        return factoryId;
    }

    public long quantity() {
        return quantity;
    }

    public LocalDate neededOn() {
        return neededOn;
    }
}
