package org.asicscm.qa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A machine returned from the field (RMA): what the customer reported, and how it ended. */
@Entity
@Table(name = "qa_return")
@NamedQuery(
        name = FieldReturn.OPEN_OF_UNIT,
        query = "select r from FieldReturn r where r.serial = :serial"
                + " and r.status = org.asicscm.qa.entity.FieldReturn.Status.OPEN")
public class FieldReturn {
    public static final String OPEN_OF_UNIT = "FieldReturn.openOfUnit";

    public enum Status {
        OPEN,
        REPAIRED,
        SCRAPPED
    }

    @Id
    private String id;

    private String serial;

    @Column(name = "reported_failure")
    private String reportedFailure;

    @Column(name = "customer_report")
    private String customerReport;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Column(name = "received_by")
    private String receivedBy;

    @Column(name = "received_at")
    private OffsetDateTime receivedAt;

    @Column(name = "closed_at")
    private OffsetDateTime closedAt;

    @Version
    private long version;

    protected FieldReturn() {}

    public FieldReturn(
            String serial, String reportedFailure, String customerReport, String receivedBy, OffsetDateTime at) {
        this.id = UUID.randomUUID().toString();
        this.serial = serial;
        this.reportedFailure = reportedFailure;
        this.customerReport = customerReport;
        this.status = Status.OPEN;
        this.receivedBy = receivedBy;
        this.receivedAt = at;
    }

    public void close(Status outcome, OffsetDateTime at) {
        if (status != Status.OPEN || outcome == Status.OPEN) {
            throw new IllegalStateException("return " + id + " is " + status);
        }
        status = outcome;
        closedAt = at;
    }

    public String id() {
        return id;
    }

    public String serial() {
        return serial;
    }

    public String reportedFailure() {
        return reportedFailure;
    }

    public String customerReport() {
        return customerReport;
    }

    public Status status() {
        return status;
    }

    public String receivedBy() {
        return receivedBy;
    }

    public OffsetDateTime receivedAt() {
        return receivedAt;
    }

    public OffsetDateTime closedAt() {
        return closedAt;
    }
}
