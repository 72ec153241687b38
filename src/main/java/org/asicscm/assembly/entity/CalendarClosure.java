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
 * Days without production: a whole factory closed (the Spring Festival shutdown) or one line
 * down (maintenance, a broken reflow oven), first to last day inclusive.
 */
@Entity
@Table(name = "calendar_closure")
@NamedQuery(name = CalendarClosure.FROM, query = "select c from CalendarClosure c where c.lastDay >= :from")
@NamedQuery(
        name = CalendarClosure.OF_FACTORY,
        query = "select c from CalendarClosure c where c.factoryId = :factoryId" + " order by c.firstDay")
public class CalendarClosure {
    public static final String FROM = "CalendarClosure.from";
    public static final String OF_FACTORY = "CalendarClosure.ofFactory";

    @Id
    private String id;

    @Column(name = "factory_id")
    private String factoryId;

    @Column(name = "line_id")
    private String lineId;

    @Column(name = "first_day")
    private LocalDate firstDay;

    @Column(name = "last_day")
    private LocalDate lastDay;

    private String reason;

    @Column(name = "recorded_at")
    private OffsetDateTime recordedAt;

    protected CalendarClosure() {}

    /** @param line null when the whole factory closes */
    public CalendarClosure(
            Factory factory,
            AssemblyLine line,
            LocalDate firstDay,
            LocalDate lastDay,
            String reason,
            OffsetDateTime at) {
        if (lastDay.isBefore(firstDay)) {
            throw new IllegalArgumentException("a closure ends on or after its first day");
        }
        this.id = UUID.randomUUID().toString();
        this.factoryId = factory.id();
        this.lineId = line == null ? null : line.id();
        this.firstDay = firstDay;
        this.lastDay = lastDay;
        this.reason = Objects.requireNonNull(reason);
        this.recordedAt = Objects.requireNonNull(at);
    }

    public boolean closes(AssemblyLine line, LocalDate day) {
        return (lineId == null
                        ? line.factory().id().equals(factoryId)
                        : line.id().equals(lineId))
                && !day.isBefore(firstDay)
                && !day.isAfter(lastDay);
    }

    public String id() {
        return id;
    }

    public String factoryId() {
        return factoryId;
    }

    public String lineId() {
        return lineId;
    }

    public LocalDate firstDay() {
        return firstDay;
    }

    public LocalDate lastDay() {
        return lastDay;
    }

    public String reason() {
        return reason;
    }
}
