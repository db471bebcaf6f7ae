package org.careslot.booking.doctor;

import org.careslot.booking.doctor.domain.Schedule;
import org.careslot.booking.doctor.domain.Schedule.BusyTime;
import org.careslot.booking.doctor.domain.Schedule.Check;
import org.careslot.booking.doctor.domain.SlotTime;
import org.careslot.booking.doctor.domain.TimeOff;
import org.careslot.booking.doctor.domain.WeeklySlot;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The slot grid, time off, daylight-saving changes and free times, without Spring. */
class ScheduleTest {

    static final ZoneId DHAKA = ZoneId.of("Asia/Dhaka");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** A Tuesday. */
    static final LocalDate TUESDAY = LocalDate.of(2030, 1, 1);
    static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");

    static WeeklySlot slot(DayOfWeek day, String start, String end, int minutes) {
        return new WeeklySlot(UUID.randomUUID(), day, LocalTime.parse(start), LocalTime.parse(end), minutes);
    }

    static List<String> starts(List<SlotTime> times) {
        return times.stream().map(time -> time.startTime().toString()).toList();
    }

    static String offset(ZonedDateTime time) {
        return time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    @Nested
    class Grid {

        @Test
        void startsAreStartPlusMultiplesOfTheSlotLengthThatStillEndWithinTheSlot() {
            assertThat(slot(DayOfWeek.TUESDAY, "09:00", "11:00", 30).starts().stream().map(LocalTime::toString))
                    .containsExactly("09:00", "09:30", "10:00", "10:30");
            assertThat(slot(DayOfWeek.TUESDAY, "09:00", "10:45", 30).starts().stream().map(LocalTime::toString))
                    .containsExactly("09:00", "09:30", "10:00");
            assertThat(slot(DayOfWeek.TUESDAY, "23:00", "23:59", 20).starts().stream().map(LocalTime::toString))
                    .containsExactly("23:00", "23:20");
        }

        @Test
        void offersOnlyGridStarts() {
            WeeklySlot slot = slot(DayOfWeek.TUESDAY, "09:00", "11:00", 30);
            assertThat(slot.offers(LocalTime.parse("09:00"))).isTrue();
            assertThat(slot.offers(LocalTime.parse("10:30"))).isTrue();
            assertThat(slot.offers(LocalTime.parse("09:15"))).isFalse();
            assertThat(slot.offers(LocalTime.parse("11:00"))).as("would end after the slot").isFalse();
            assertThat(slot.offers(LocalTime.parse("08:30"))).isFalse();
            assertThat(slot.offers(LocalTime.parse("09:00:30"))).isFalse();
        }

        @Test
        void refusesImpossibleSlots() {
            assertThatThrownBy(() -> slot(DayOfWeek.MONDAY, "10:00", "09:00", 30))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> slot(DayOfWeek.MONDAY, "09:00", "10:00", 0))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void aDateOffersTheSlotsOfItsWeekdayInTheDoctorsZoneByStart() {
            Schedule schedule = new Schedule(DHAKA, List.of(
                    slot(DayOfWeek.TUESDAY, "14:00", "15:00", 30),
                    slot(DayOfWeek.TUESDAY, "09:00", "10:00", 20),
                    slot(DayOfWeek.WEDNESDAY, "09:00", "10:00", 30)), List.of());

            List<SlotTime> times = schedule.slotTimes(TUESDAY);

            assertThat(starts(times)).containsExactly("09:00", "09:20", "09:40", "14:00", "14:30");
            assertThat(offset(times.getFirst().startsAt())).isEqualTo("2030-01-01T09:00:00+06:00");
            assertThat(offset(times.getFirst().endsAt())).isEqualTo("2030-01-01T09:20:00+06:00");
            assertThat(times.getFirst().endTime()).isEqualTo(LocalTime.parse("09:20"));
            assertThat(schedule.slotTimes(TUESDAY.plusDays(2))).as("Thursday").isEmpty();
        }

        @Test
        void timeOffRemovesWholeDaysBothEndsIncluded() {
            Schedule schedule = new Schedule(DHAKA, List.of(slot(DayOfWeek.TUESDAY, "09:00", "10:00", 30)),
                    List.of(new TimeOff(UUID.randomUUID(), TUESDAY.plusWeeks(1), TUESDAY.plusWeeks(2))));

            assertThat(schedule.slotTimes(TUESDAY)).hasSize(2);
            assertThat(schedule.slotTimes(TUESDAY.plusWeeks(1))).isEmpty();
            assertThat(schedule.slotTimes(TUESDAY.plusWeeks(2))).isEmpty();
            assertThat(schedule.slotTimes(TUESDAY.plusWeeks(3))).hasSize(2);
        }
    }

    @Nested
    class DaylightSaving {

        /** 2027-03-14, a Sunday: New York puts its clocks forward from 02:00 EST to 03:00 EDT. */
        final LocalDate springForward = LocalDate.of(2027, 3, 14);
        /** 2027-11-07, a Sunday: New York puts its clocks back from 02:00 EDT to 01:00 EST. */
        final LocalDate fallBack = LocalDate.of(2027, 11, 7);
        final Schedule sundays = new Schedule(NEW_YORK, List.of(slot(DayOfWeek.SUNDAY, "00:00", "04:00", 30)),
                List.of());

        @Test
        void localTimesInTheSpringForwardGapDoNotExistAndAreNotOffered() {
            List<SlotTime> times = sundays.slotTimes(springForward);

            assertThat(starts(times)).containsExactly("00:00", "00:30", "01:00", "01:30", "03:00", "03:30");
            SlotTime beforeGap = times.get(3);
            assertThat(offset(beforeGap.startsAt())).isEqualTo("2027-03-14T01:30:00-05:00");
            // 30 minutes of real time later the clocks read 03:00 EDT
            assertThat(offset(beforeGap.endsAt())).isEqualTo("2027-03-14T03:00:00-04:00");
            assertThat(beforeGap.endTime()).isEqualTo(LocalTime.parse("03:00"));
            assertThat(offset(times.get(4).startsAt())).isEqualTo("2027-03-14T03:00:00-04:00");

            Check inGap = sundays.check(springForward, LocalTime.parse("02:30"), LONG_AGO);
            assertThat(inGap).isInstanceOfSatisfying(Check.Refused.class, refused -> {
                assertThat(refused.field()).isEqualTo("start_time");
                assertThat(refused.message()).contains("does not exist");
            });
        }

        @Test
        void localTimesInTheFallBackOverlapAreTakenOnceAtTheEarlierOffset() {
            List<SlotTime> times = sundays.slotTimes(fallBack);

            assertThat(starts(times)).containsExactly("00:00", "00:30", "01:00", "01:30", "02:00", "02:30", "03:00",
                    "03:30");
            assertThat(offset(times.get(2).startsAt())).isEqualTo("2027-11-07T01:00:00-04:00");
            assertThat(offset(times.get(3).startsAt())).isEqualTo("2027-11-07T01:30:00-04:00");
            // 01:30 EDT + 30 minutes = 01:00 EST
            assertThat(offset(times.get(3).endsAt())).isEqualTo("2027-11-07T01:00:00-05:00");
            assertThat(offset(times.get(4).startsAt())).isEqualTo("2027-11-07T02:00:00-05:00");
            assertThat(sundays.check(fallBack, LocalTime.parse("01:30"), LONG_AGO))
                    .isInstanceOfSatisfying(Check.Bookable.class, bookable ->
                            assertThat(bookable.time().startsAt().toInstant())
                                    .isEqualTo(Instant.parse("2027-11-07T05:30:00Z")));
        }

        @Test
        void aSlotCrossingTheGapBlocksTheNextStartThatItOverlapsInRealTime() {
            Schedule twoHours = new Schedule(NEW_YORK, List.of(slot(DayOfWeek.SUNDAY, "01:00", "05:00", 120)),
                    List.of());
            List<SlotTime> times = twoHours.slotTimes(springForward);
            // 01:00 EST lasts until 04:00 EDT in real time; 03:00 EDT starts inside it
            assertThat(starts(times)).containsExactly("01:00", "03:00");
            SlotTime first = times.getFirst();
            List<SlotTime> free = twoHours.available(springForward, LONG_AGO,
                    List.of(new BusyTime(first.startsAt().toInstant(), first.endsAt().toInstant())));
            assertThat(free).isEmpty();
        }
    }

    @Nested
    class Checks {

        final Schedule schedule = new Schedule(DHAKA, List.of(slot(DayOfWeek.TUESDAY, "09:00", "11:00", 30)),
                List.of(new TimeOff(UUID.randomUUID(), TUESDAY.plusWeeks(1), TUESDAY.plusWeeks(1))));

        Instant at(LocalDate date, String time) {
            return date.atTime(LocalTime.parse(time)).atZone(DHAKA).toInstant();
        }

        @Test
        void aGridStartInTheFutureIsBookable() {
            Check check = schedule.check(TUESDAY, LocalTime.parse("10:30"), at(TUESDAY, "10:00"));
            assertThat(check).isInstanceOfSatisfying(Check.Bookable.class, bookable -> {
                assertThat(offset(bookable.time().startsAt())).isEqualTo("2030-01-01T10:30:00+06:00");
                assertThat(bookable.time().endTime()).isEqualTo(LocalTime.parse("11:00"));
            });
        }

        @Test
        void refusesOffGridTimesOtherWeekdaysAndTimeOffOnStartTime() {
            Instant before = at(TUESDAY.minusDays(1), "08:00");
            assertRefused(schedule.check(TUESDAY, LocalTime.parse("09:10"), before), "start_time", "Not a bookable");
            assertRefused(schedule.check(TUESDAY, LocalTime.parse("11:00"), before), "start_time", "Not a bookable");
            assertRefused(schedule.check(TUESDAY.plusDays(1), LocalTime.parse("09:00"), before), "start_time",
                    "WEDNESDAY");
            assertRefused(schedule.check(TUESDAY.plusWeeks(1), LocalTime.parse("09:00"), before), "start_time",
                    "time off");
        }

        @Test
        void refusesThePastOnDateForEarlierDaysAndOnStartTimeForEarlierTimesOfToday() {
            assertRefused(schedule.check(TUESDAY, LocalTime.parse("09:00"), at(TUESDAY.plusDays(1), "08:00")),
                    "date", "past");
            assertRefused(schedule.check(TUESDAY, LocalTime.parse("09:00"), at(TUESDAY, "09:00")),
                    "start_time", "future");
            assertRefused(schedule.check(TUESDAY, LocalTime.parse("09:00"), at(TUESDAY, "09:20")),
                    "start_time", "future");
        }

        void assertRefused(Check check, String field, String message) {
            assertThat(check).isInstanceOfSatisfying(Check.Refused.class, refused -> {
                assertThat(refused.field()).isEqualTo(field);
                assertThat(refused.message()).contains(message);
            });
        }
    }

    @Nested
    class Available {

        final Schedule schedule = new Schedule(DHAKA, List.of(slot(DayOfWeek.TUESDAY, "09:00", "11:00", 30)),
                List.of());

        Instant at(String time) {
            return TUESDAY.atTime(LocalTime.parse(time)).atZone(DHAKA).toInstant();
        }

        @Test
        void withoutTimesOverlappingActiveAppointments() {
            List<SlotTime> free = schedule.available(TUESDAY, LONG_AGO, List.of(
                    new BusyTime(at("09:30"), at("10:00")),     // exactly one slot
                    new BusyTime(at("10:15"), at("10:20"))));   // overlaps 10:00-10:30 only
            assertThat(starts(free)).containsExactly("09:00", "10:30");
        }

        @Test
        void touchingIsNotOverlapping() {
            List<SlotTime> free = schedule.available(TUESDAY, LONG_AGO, List.of(new BusyTime(at("08:30"), at("09:00")),
                    new BusyTime(at("11:00"), at("11:30"))));
            assertThat(starts(free)).containsExactly("09:00", "09:30", "10:00", "10:30");
        }

        @Test
        void withoutTimesThatAreNotAfterNow() {
            assertThat(starts(schedule.available(TUESDAY, at("09:30"), List.of()))).containsExactly("10:00", "10:30");
            assertThat(starts(schedule.available(TUESDAY, at("09:29"), List.of())))
                    .containsExactly("09:30", "10:00", "10:30");
            assertThat(schedule.available(TUESDAY, at("23:00"), List.of())).isEmpty();
        }
    }
}
