package org.asicscm.assembly.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/** A build order's boards planned on one line over a run of days. */
@Entity
@Table(name = "build_schedule")
@NamedQuery(name = BuildSchedule.OF_ORDER, query = "select s from BuildSchedule s where s.buildOrderId = :buildOrderId order by s.startDate")
public class BuildSchedule {
    public static final String OF_ORDER = "BuildSchedule.ofOrder";

    @Id
    private String id;
    @Column(name = "build_order_id")
    private String buildOrderId;
    @ManyToOne(optional = false)
    @JoinColumn(name = "line_id")
    private AssemblyLine line;
    private int boards;
    @Column(name = "start_date")
    private LocalDate startDate;
    @Column(name = "end_date")
    private LocalDate endDate;
    @Column(name = "scheduled_at")
    private OffsetDateTime scheduledAt;

    protected BuildSchedule() {
    }

    /** Plans the boards from the start date at the line's daily capacity. */
    public BuildSchedule(String buildOrderId, AssemblyLine line, int boards, LocalDate startDate, OffsetDateTime at) {
        if (boards <= 0) {
            throw new IllegalArgumentException("schedule a positive number of boards");
        }
        this.id = UUID.randomUUID().toString();
        this.buildOrderId = Objects.requireNonNull(buildOrderId);
        this.line = Objects.requireNonNull(line);
        this.boards = boards;
        this.startDate = Objects.requireNonNull(startDate);
        int days = (boards + line.boardsPerDay() - 1) / line.boardsPerDay();
        this.endDate = startDate.plusDays(days - 1L);
        this.scheduledAt = at;
    }

    public String id() {
        return id;
    }

    public String buildOrderId() {
        return buildOrderId;
    }

    public AssemblyLine line() {
        return line;
    }

    public int boards() {
        return boards;
    }

    public LocalDate startDate() {
        return startDate;
    }

    public LocalDate endDate() {
        return endDate;
    }
}
