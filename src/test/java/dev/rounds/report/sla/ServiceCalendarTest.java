package dev.rounds.report.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rounds.checklist.MaintenanceWindow;
import dev.rounds.checklist.ServiceHours;
import dev.rounds.core.Interval;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceCalendarTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ServiceHours OFFICE = new ServiceHours(
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            LocalTime.of(8, 0),
            Duration.ofHours(10),
            "Mon-Fri 08:00-18:00");
    static final ServiceHours EVERY_HOUR =
            new ServiceHours(EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, Duration.ofHours(24), "00:00-24:00");

    static Instant utc(String localDateTime) {
        return LocalDateTime.parse(localDateTime).toInstant(ZoneOffset.UTC);
    }

    static Interval utc(String from, String to) {
        return new Interval(utc(from), utc(to));
    }

    static Interval local(ZoneId zone, String from, String to) {
        return new Interval(
                LocalDateTime.parse(from).atZone(zone).toInstant(),
                LocalDateTime.parse(to).atZone(zone).toInstant());
    }

    @Test
    void marchInBerlinHas743HoursBecauseClocksGoForwardOnTheLastSunday() {
        Interval march = local(BERLIN, "2026-03-01T00:00", "2026-04-01T00:00");
        // 31 days × 24 h = 744 h, less the hour skipped at 02:00 on Sunday 29 March = 743 h
        assertEquals(
                Duration.ofHours(743),
                new ServiceCalendar(BERLIN, null, List.of()).over(march).serviceLength());
        // the same written as service hours 00:00-24:00: each local day from midnight to midnight, 29 March has 23 h
        assertEquals(
                Duration.ofHours(743),
                new ServiceCalendar(BERLIN, EVERY_HOUR, List.of()).over(march).serviceLength());
    }

    @Test
    void octoberInBerlinHas745HoursBecauseClocksGoBack() {
        Interval october = local(BERLIN, "2026-10-01T00:00", "2026-11-01T00:00");
        // 31 × 24 = 744 h, plus the hour repeated at 03:00 on Sunday 25 October = 745 h
        assertEquals(
                Duration.ofHours(745),
                new ServiceCalendar(BERLIN, EVERY_HOUR, List.of()).over(october).serviceLength());
    }

    @Test
    void officeHoursAreTenHoursOnEachWeekday() {
        ServiceTime week = new ServiceCalendar(ZoneOffset.UTC, OFFICE, List.of())
                .over(utc("2026-03-02T00:00", "2026-03-09T00:00")); // Monday to Monday
        // Mon..Fri × 10 h = 50 h, Saturday and Sunday none
        assertEquals(Duration.ofHours(50), week.serviceLength());
        assertEquals(5, week.service().size());
        assertEquals(utc("2026-03-02T08:00", "2026-03-02T18:00"), week.service().get(0));
        assertEquals(utc("2026-03-06T08:00", "2026-03-06T18:00"), week.service().get(4));
    }

    @Test
    void officeHoursFollowTheLocalClockAcrossTheChange() {
        ServiceTime days = new ServiceCalendar(BERLIN, OFFICE, List.of())
                .over(local(BERLIN, "2026-03-26T00:00", "2026-04-01T00:00"));
        // Thu 26, Fri 27, Mon 30, Tue 31 × 10 h = 40 h
        assertEquals(Duration.ofHours(40), days.serviceLength());
        // Friday 08:00 CET = 07:00Z; Monday after the change 08:00 CEST = 06:00Z
        assertEquals(utc("2026-03-27T07:00", "2026-03-27T17:00"), days.service().get(1));
        assertEquals(utc("2026-03-30T06:00", "2026-03-30T16:00"), days.service().get(2));
    }

    @Test
    void aPeriodCutsTheServiceHoursItStartsAndEndsIn() {
        ServiceTime part = new ServiceCalendar(ZoneOffset.UTC, OFFICE, List.of())
                .over(utc("2026-03-02T12:00", "2026-03-03T09:30"));
        // Monday 12:00-18:00 = 6 h, Tuesday 08:00-09:30 = 1.5 h: 7.5 h
        assertEquals(Duration.ofMinutes(450), part.serviceLength());
    }

    @Test
    void aDailyWindowCrossingMidnightIsPlannedOnBothSides() {
        var nightly = new MaintenanceWindow(null, LocalTime.of(23, 0), Duration.ofHours(2));
        ServiceTime days = new ServiceCalendar(ZoneOffset.UTC, null, List.of(nightly))
                .over(utc("2026-03-02T00:00", "2026-03-04T00:00"));
        // 1 Mar 23:00-01:00 gives 00:00-01:00 = 1 h; 2 Mar 23:00-01:00 = 2 h; 3 Mar 23:00-01:00 gives 23:00-24:00 = 1 h
        assertEquals(Duration.ofHours(4), days.plannedLength());
        assertEquals(
                List.of(
                        utc("2026-03-02T00:00", "2026-03-02T01:00"),
                        utc("2026-03-02T23:00", "2026-03-03T01:00"),
                        utc("2026-03-03T23:00", "2026-03-04T00:00")),
                days.planned());
        assertEquals(Duration.ofHours(48), days.serviceLength());
    }

    @Test
    void onlyTheMaintenanceWithinServiceHoursIsPlanned() {
        var wednesdayEvening = new MaintenanceWindow(DayOfWeek.WEDNESDAY, LocalTime.of(17, 0), Duration.ofHours(2));
        var mondayMorning = new MaintenanceWindow(DayOfWeek.MONDAY, LocalTime.of(7, 0), Duration.ofHours(2));
        var saturday = new MaintenanceWindow(DayOfWeek.SATURDAY, LocalTime.of(10, 0), Duration.ofHours(4));
        ServiceTime week = new ServiceCalendar(
                        ZoneOffset.UTC, OFFICE, List.of(wednesdayEvening, mondayMorning, saturday))
                .over(utc("2026-03-02T00:00", "2026-03-09T00:00"));
        // Wed 17:00-19:00 ∩ 08:00-18:00 = 1 h; Mon 07:00-09:00 ∩ 08:00-18:00 = 1 h; Saturday has no service hours
        assertEquals(
                List.of(utc("2026-03-02T08:00", "2026-03-02T09:00"), utc("2026-03-04T17:00", "2026-03-04T18:00")),
                week.planned());
        assertEquals(Duration.ofHours(50), week.serviceLength());
    }

    @Test
    void aWeekLongWindowThatStartedBeforeThePeriodCoversIt() {
        var week = new MaintenanceWindow(DayOfWeek.SUNDAY, LocalTime.NOON, Duration.ofDays(7));
        ServiceTime wednesday = new ServiceCalendar(ZoneOffset.UTC, null, List.of(week))
                .over(utc("2026-03-04T00:00", "2026-03-05T00:00"));
        // Sun 1 Mar 12:00 + 7 d = Sun 8 Mar 12:00 covers all of Wednesday 4 March: 24 h
        assertEquals(Duration.ofHours(24), wednesday.plannedLength());
    }

    @Test
    void aWindowStartingInTheSpringGapStartsAtTheShiftedTimeAndLastsItsDuration() {
        var night = new MaintenanceWindow(DayOfWeek.SUNDAY, LocalTime.of(2, 30), Duration.ofHours(1));
        ServiceTime sunday = new ServiceCalendar(BERLIN, null, List.of(night))
                .over(local(BERLIN, "2026-03-29T00:00", "2026-03-30T00:00"));
        // 02:30 does not exist on 29 March; shifted by the 1 h gap to 03:30 CEST = 01:30Z, then 1 h of real time
        assertEquals(List.of(utc("2026-03-29T01:30", "2026-03-29T02:30")), sunday.planned());
        assertEquals(Duration.ofHours(23), sunday.serviceLength());
    }

    @Test
    void aWindowStartingInTheAutumnOverlapStartsAtTheFirstOfTheTwoTimes() {
        var night = new MaintenanceWindow(DayOfWeek.SUNDAY, LocalTime.of(2, 30), Duration.ofHours(1));
        ServiceTime sunday = new ServiceCalendar(BERLIN, null, List.of(night))
                .over(local(BERLIN, "2026-10-25T00:00", "2026-10-26T00:00"));
        // 02:30 happens twice on 25 October; the first, 02:30 CEST (+02:00), is 00:30Z
        assertEquals(List.of(utc("2026-10-25T00:30", "2026-10-25T01:30")), sunday.planned());
        assertEquals(Duration.ofHours(25), sunday.serviceLength());
    }

    @Test
    void anEmptyPeriodHasNoServiceTime() {
        ServiceTime none = new ServiceCalendar(ZoneOffset.UTC, OFFICE, List.of())
                .over(utc("2026-03-02T10:00", "2026-03-02T10:00"));
        assertEquals(List.of(), none.service());
        assertEquals(Duration.ZERO, none.plannedLength());
    }
}
