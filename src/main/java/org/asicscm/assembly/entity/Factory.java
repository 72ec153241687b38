package org.asicscm.assembly.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A contract assembly factory: most are in Bao'an, Shenzhen, but one in Dongguan or Penang is
 * registered the same way. Its days (plans, shifts, closures) are dates in its own time zone.
 */
@Entity
@Table(name = "factory")
@NamedQuery(name = Factory.ALL, query = "select f from Factory f order by f.code")
@NamedQuery(name = Factory.BY_CODE, query = "select f from Factory f where f.code = :code")
public class Factory {
    public static final String ALL = "Factory.all";
    public static final String BY_CODE = "Factory.byCode";
    public static final int MOST_FROZEN_DAYS = 60;

    @Id
    private String id;

    private String code;
    private String name;
    private String country;
    private String city;
    private String district;

    @Column(name = "sub_district")
    private String subDistrict;

    @Column(name = "time_zone")
    private String timeZone;

    /** Days from the factory's today that a re-plan leaves as they are: the floor has started them. */
    @Column(name = "frozen_days")
    private int frozenDays;

    /** Parts may be used beyond the record here; what the record lacks waits for a count. */
    @Column(name = "negative_parts")
    private boolean negativeParts;

    protected Factory() {}

    public Factory(String code, String name, Location location) {
        this.id = UUID.randomUUID().toString();
        this.code = Objects.requireNonNull(code);
        this.name = Objects.requireNonNull(name);
        this.country = location.country();
        this.city = location.city();
        this.district = location.district();
        this.subDistrict = location.subDistrict();
        this.timeZone = location.timeZone().getId();
    }

    /** Where a factory is, and the time zone its days are counted in. */
    public record Location(String country, String city, String district, String subDistrict, ZoneId timeZone) {
        public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

        public Location {
            Objects.requireNonNull(country);
            Objects.requireNonNull(timeZone);
        }

        /** A factory in one of Bao'an's sub-districts, Shenzhen: where most of them are. */
        public static Location baoan(SubDistrict subDistrict) {
            return new Location("CN", "Shenzhen", "Bao'an", subDistrict.name(), CHINA);
        }
    }

    /** The factory's date now: a day there may already have begun while it is still yesterday in UTC. */
    public LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(zone()));
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public boolean negativePartsAllowed() {
        return negativeParts;
    }

    public void allowNegativeParts(boolean allowed) {
        negativeParts = allowed;
    }

    public int frozenDays() {
        return frozenDays;
    }

    public void freeze(int days) {
        if (days < 0 || days > MOST_FROZEN_DAYS) {
            throw new IllegalArgumentException("a frozen window is 0 to " + MOST_FROZEN_DAYS + " days");
        }
        frozenDays = days;
    }

    /** The days from a day on that the frozen window keeps from new work. */
    public List<LocalDate> frozenDates(LocalDate from, Clock clock) {
        var days = new ArrayList<LocalDate>();
        for (LocalDate day = from; day.isBefore(firstMovableDay(clock)); day = day.plusDays(1)) {
            days.add(day);
        }
        return days;
    }

    /** Whether a shift on the day is in the frozen window: from today up to the first movable day. */
    public boolean freezes(LocalDate day, Clock clock) {
        return frozenDays > 0 && !day.isBefore(today(clock)) && day.isBefore(firstMovableDay(clock));
    }

    /** The first day a re-plan may move, at the factory. */
    public LocalDate firstMovableDay(Clock clock) {
        return today(clock).plusDays(frozenDays);
    }

    public String id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public Location location() {
        return new Location(country, city, district, subDistrict, zone());
    }
}
