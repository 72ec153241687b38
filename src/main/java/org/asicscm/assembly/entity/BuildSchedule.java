package org.asicscm.assembly.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A build order's boards planned on one line, shift by shift, over a run of days. */
@Entity
@Table(name = "build_schedule")
@NamedQuery(
        name = BuildSchedule.OF_ORDER,
        query = "select s from BuildSchedule s where s.buildOrderId = :buildOrderId order by s.startDate")
@NamedQuery(name = BuildSchedule.OF_ORDERS, query = "select s from BuildSchedule s where s.buildOrderId in :ids")
@NamedQuery(name = BuildSchedule.DELETE_SLOTS, query = "delete from ScheduleSlot s where s.schedule.id in :ids")
@NamedQuery(name = BuildSchedule.DELETE, query = "delete from BuildSchedule s where s.id in :ids")
public class BuildSchedule {
    public static final String OF_ORDER = "BuildSchedule.ofOrder";
    public static final String OF_ORDERS = "BuildSchedule.ofOrders";
    public static final String DELETE_SLOTS = "BuildSchedule.deleteSlots";
    public static final String DELETE = "BuildSchedule.delete";

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

    @OneToMany(
            mappedBy = "schedule",
            cascade = {CascadeType.PERSIST, CascadeType.REMOVE})
    @OrderBy("day, shift")
    private List<ScheduleSlot> slots = new ArrayList<>();

    protected BuildSchedule() {}

    /** The boards an order gets on one line, shift by shift, as the capacity plan placed them. */
    public BuildSchedule(String buildOrderId, AssemblyLine line, List<CapacityShare> shifts, OffsetDateTime at) {
        if (shifts.isEmpty()) {
            throw new IllegalArgumentException("a schedule has at least one shift");
        }
        this.id = UUID.randomUUID().toString();
        this.buildOrderId = Objects.requireNonNull(buildOrderId);
        this.line = Objects.requireNonNull(line);
        for (CapacityShare share : shifts) {
            slots.add(new ScheduleSlot(this, share.day(), share.shift(), share.boards()));
        }
        this.boards = slots.stream().mapToInt(ScheduleSlot::boards).sum();
        this.startDate =
                slots.stream().map(ScheduleSlot::day).min(LocalDate::compareTo).orElseThrow();
        this.endDate =
                slots.stream().map(ScheduleSlot::day).max(LocalDate::compareTo).orElseThrow();
        this.scheduledAt = at;
    }

    /** Boards in one shift of one day. */
    public record CapacityShare(LocalDate day, int shift, int boards) {}

    public List<ScheduleSlot> slots() {
        return Collections.unmodifiableList(slots);
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
