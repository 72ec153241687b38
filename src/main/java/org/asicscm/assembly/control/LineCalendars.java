package org.asicscm.assembly.control;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.asicscm.assembly.entity.AssemblyLine;
import org.asicscm.assembly.entity.CalendarClosure;
import org.asicscm.assembly.entity.Factory;
import org.asicscm.platform.UnknownEntityException;

/**
 * The lines' calendars: capacity per product, factory closures and lines down, and the days a
 * line can still build on (from its factory's today, in the factory's time zone).
 */
@Stateless
public class LineCalendars {

    @PersistenceContext
    EntityManager em;

    @EJB
    AssemblyService assembly;

    @EJB
    LineCalendars calendars;

    @Inject
    Clock clock;

    public AssemblyLine setCapacity(String factoryId, String lineId, String product, int boardsPerShift) {
        AssemblyLine line = lineOf(factoryId, lineId);
        line.setCapacity(product, boardsPerShift);
        return line;
    }

    public CalendarClosure closure(String factoryId, String closureId) {
        CalendarClosure closure = em.find(CalendarClosure.class, closureId);
        if (closure == null || !closure.factoryId().equals(factoryId)) {
            throw new UnknownEntityException("closure", closureId);
        }
        return closure;
    }

    public List<CalendarClosure> closuresOf(String factoryId) {
        assembly.factory(factoryId);
        return em.createNamedQuery(CalendarClosure.OF_FACTORY, CalendarClosure.class)
                .setParameter("factoryId", factoryId)
                .getResultList();
    }

    /** Each line's capacity per product and closed days from one day to another, in the lines' order. */
    public List<CapacityPlan.Line> calendars(List<AssemblyLine> lines, LocalDate from, LocalDate to) {
        var closures = em.createNamedQuery(CalendarClosure.FROM, CalendarClosure.class)
                .setParameter("from", from)
                .getResultList();
        var calendars = new ArrayList<CapacityPlan.Line>();
        for (AssemblyLine line : lines) {
            var closed = new HashSet<LocalDate>();
            // a day already over at the factory is as good as closed, whatever the date elsewhere
            LocalDate factoryToday = line.factory().today(clock);
            for (LocalDate day = from; day.isBefore(factoryToday) && !day.isAfter(to); day = day.plusDays(1)) {
                closed.add(day);
            }
            for (CalendarClosure closure : closures) {
                for (LocalDate day = closure.firstDay().isBefore(from) ? from : closure.firstDay();
                        !day.isAfter(closure.lastDay()) && !day.isAfter(to);
                        day = day.plusDays(1)) {
                    if (closure.closes(line, day)) {
                        closed.add(day);
                    }
                }
            }
            calendars.add(new CapacityPlan.Line(
                    line.id(),
                    line.code(),
                    line.shiftsPerDay(),
                    line.boardsPerShift(),
                    line.capacityByProduct(),
                    closed,
                    line.factory().id()));
        }
        return calendars;
    }

    /** The calendars as a plan uses them: each factory's frozen window closed to new work too. */
    public List<CapacityPlan.Line> forPlanning(List<AssemblyLine> lines, LocalDate from, LocalDate to) {
        var calendars = calendars(lines, from, to);
        var planned = new ArrayList<CapacityPlan.Line>();
        for (int i = 0; i < lines.size(); i++) {
            planned.add(calendars.get(i).closedAlso(lines.get(i).factory().frozenDates(from, clock)));
        }
        return planned;
    }

    /**
     * The first day any line can still build on: today at the factory furthest behind (west of
     * the others). Each line's plan starts at its own factory's today.
     */
    public LocalDate firstPlannableDay() {
        return em.createNamedQuery(Factory.ALL, Factory.class).getResultList().stream()
                .map(f -> f.today(clock))
                .min(LocalDate::compareTo)
                .orElseGet(() -> LocalDate.now(clock));
    }

    public AssemblyLine lineOf(String factoryId, String lineId) {
        assembly.factory(factoryId);
        AssemblyLine line = em.find(AssemblyLine.class, lineId);
        if (line == null || !line.factory().id().equals(factoryId)) {
            throw new UnknownEntityException("assembly line", lineId);
        }
        return line;
    }
}
