package org.asicscm.qa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What QA knows of a build order: the product its units are judged as. */
@Entity
@Table(name = "qa_order")
public class QaOrder {
    @Id
    @Column(name = "build_order_id")
    private String buildOrderId;

    @Column(name = "order_number")
    private String orderNumber;

    private String product;

    @Column(name = "chips_per_board")
    private int chipsPerBoard;

    protected QaOrder() {}

    public QaOrder(String buildOrderId, String orderNumber, String product, int chipsPerBoard) {
        this.buildOrderId = buildOrderId;
        this.orderNumber = orderNumber;
        this.product = product;
        this.chipsPerBoard = chipsPerBoard;
    }

    public String orderNumber() {
        return orderNumber;
    }

    public String product() {
        return product;
    }
}
