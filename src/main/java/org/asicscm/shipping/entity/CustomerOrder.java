package org.asicscm.shipping.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * A buyer's order: machines of one model at a minimum grade (at least minGradeThs TH/s, at most
 * maxGradeJth J/TH), promised for a date, at a unit price, with a deposit.
 */
@Entity
@Table(name = "customer_order")
public class CustomerOrder {

    /** Why a machine's grade does not fit an order, or null when it does. */
    public enum Misfit {
        UNGRADED,
        BELOW_ORDER,
        ABOVE_ORDER
    }

    @Id
    private String id;

    @Column(name = "order_number")
    private String orderNumber;

    @Column(name = "customer_id")
    private String customerId;

    private String product;
    private int machines;

    @Column(name = "min_grade_ths")
    private BigDecimal minGradeThs;

    @Column(name = "max_grade_jth")
    private BigDecimal maxGradeJth;

    @Column(name = "higher_grade_allowed")
    private boolean higherGradeAllowed;

    @Column(name = "promised_date")
    private LocalDate promisedDate;

    @Column(name = "unit_price")
    private BigDecimal unitPrice;

    private String currency;
    private BigDecimal deposit;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @Version
    private long version;

    protected CustomerOrder() {}

    public CustomerOrder(
            String orderNumber,
            Customer customer,
            String product,
            int machines,
            BigDecimal minGradeThs,
            BigDecimal maxGradeJth,
            boolean higherGradeAllowed,
            LocalDate promisedDate,
            BigDecimal unitPrice,
            String currency,
            BigDecimal deposit,
            String createdBy,
            OffsetDateTime at) {
        this.id = UUID.randomUUID().toString();
        this.orderNumber = Objects.requireNonNull(orderNumber);
        this.customerId = customer.id();
        this.product = Objects.requireNonNull(product);
        this.machines = machines;
        this.minGradeThs = minGradeThs;
        this.maxGradeJth = maxGradeJth;
        this.higherGradeAllowed = higherGradeAllowed;
        this.promisedDate = promisedDate;
        this.unitPrice = unitPrice;
        this.currency = currency;
        this.deposit = deposit;
        this.createdBy = createdBy;
        this.createdAt = at;
    }

    /**
     * A machine of a lower grade is never given; a higher one (more TH/s or fewer J/TH than the
     * order's band) only when the order allows it.
     */
    public Misfit misfit(BigDecimal gradeThs, BigDecimal gradeJth) {
        if (gradeThs == null || gradeJth == null) {
            return Misfit.UNGRADED;
        }
        if (gradeThs.compareTo(minGradeThs) < 0 || gradeJth.compareTo(maxGradeJth) > 0) {
            return Misfit.BELOW_ORDER;
        }
        boolean higher = gradeThs.compareTo(minGradeThs) > 0 || gradeJth.compareTo(maxGradeJth) < 0;
        return higher && !higherGradeAllowed ? Misfit.ABOVE_ORDER : null;
    }

    public BigDecimal total() {
        return unitPrice.multiply(BigDecimal.valueOf(machines));
    }

    public String id() {
        return id;
    }

    public String orderNumber() {
        return orderNumber;
    }

    public String customerId() {
        return customerId;
    }

    public String product() {
        return product;
    }

    public int machines() {
        return machines;
    }

    public BigDecimal minGradeThs() {
        return minGradeThs;
    }

    public BigDecimal maxGradeJth() {
        return maxGradeJth;
    }

    public boolean higherGradeAllowed() {
        return higherGradeAllowed;
    }

    public LocalDate promisedDate() {
        return promisedDate;
    }

    public BigDecimal unitPrice() {
        return unitPrice;
    }

    public String currency() {
        return currency;
    }

    public BigDecimal deposit() {
        return deposit;
    }

    public String createdBy() {
        return createdBy;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
