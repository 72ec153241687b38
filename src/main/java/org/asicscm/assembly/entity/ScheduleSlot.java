package org.asicscm.assembly.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** Boards of one schedule planned into one shift of one day. */
@Entity
@Table(name = "schedule_slot")
@NamedQuery(
        name = ScheduleSlot.BETWEEN,
        query = "select s from ScheduleSlot s where s.day >= :from and s.day <= :to"
                + " order by s.lineId, s.day, s.shift")
@NamedQuery(
        name = ScheduleSlot.OF_ORDERS,
        query = "select s.schedule.id, s.schedule.buildOrderId, s.lineId, s.day, s.shift, s.boards"
                + " from ScheduleSlot s where s.schedule.buildOrderId in :ids")
@NamedQuery(
        name = ScheduleSlot.VALUES_BETWEEN,
        query = "select s.schedule.id, s.schedule.buildOrderId, s.lineId, s.day, s.shift, s.boards"
                + " from ScheduleSlot s where s.day >= :from and s.day <= :to")
public class ScheduleSlot {
    public static final String BETWEEN = "ScheduleSlot.between";
    /** schedule id, build order id, line id, day, shift, boards: plain values, no entities to load */
    public static final String OF_ORDERS = "ScheduleSlot.ofOrders";

    public static final String VALUES_BETWEEN = "ScheduleSlot.valuesBetween";

    @Id
    private String id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "schedule_id")
    private BuildSchedule schedule;

    @Column(name = "line_id")
    private String lineId;

    @Column(name = "work_day")
    private LocalDate day;

    private int shift;
    private int boards;

    protected ScheduleSlot() {}

    ScheduleSlot(BuildSchedule schedule, LocalDate day, int shift, int boards) {
        if (boards <= 0 || shift < 1 || shift > 3) {
            throw new IllegalArgumentException("a slot holds a positive number of boards in shift 1 to 3");
        }
        this.id = UUID.randomUUID().toString();
        this.schedule = Objects.requireNonNull(schedule);
        this.lineId = schedule.line().id();
        this.day = Objects.requireNonNull(day);
        this.shift = shift;
        this.boards = boards;
    }

    public BuildSchedule schedule() {
        return schedule;
    }

    public String lineId() {
        return lineId;
    }

    public LocalDate day() {
        return day;
    }

    public int shift() {
        return shift;
    }

    public int boards() {
        return boards;
    }
}
