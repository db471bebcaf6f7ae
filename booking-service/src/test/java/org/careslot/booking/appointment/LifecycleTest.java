package org.careslot.booking.appointment;

import org.careslot.booking.appointment.domain.AppointmentAction;
import org.careslot.booking.appointment.domain.AppointmentStatus;
import org.careslot.booking.appointment.domain.Lifecycle;
import org.careslot.booking.appointment.domain.Party;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careslot.booking.appointment.domain.AppointmentStatus.CANCELLED;
import static org.careslot.booking.appointment.domain.AppointmentStatus.COMPLETED;
import static org.careslot.booking.appointment.domain.AppointmentStatus.CONFIRMED;
import static org.careslot.booking.appointment.domain.AppointmentStatus.NO_SHOW;
import static org.careslot.booking.appointment.domain.AppointmentStatus.PENDING;

/** The whole status matrix and who may do what, without Spring. */
class LifecycleTest {

    static final Instant NOW = Instant.parse("2030-01-01T10:00:00Z");
    static final Instant PAST_START = NOW.minusSeconds(60);
    static final Instant FUTURE_START = NOW.plusSeconds(60);

    /** Every legal (action, from) pair and where it leads; everything else is refused. */
    static final Map<AppointmentAction, Map<AppointmentStatus, AppointmentStatus>> LEGAL = Map.of(
            AppointmentAction.CONFIRM, Map.of(PENDING, CONFIRMED),
            AppointmentAction.COMPLETE, Map.of(CONFIRMED, COMPLETED),
            AppointmentAction.NO_SHOW, Map.of(CONFIRMED, NO_SHOW),
            AppointmentAction.CANCEL, Map.of(PENDING, CANCELLED, CONFIRMED, CANCELLED),
            AppointmentAction.RESCHEDULE, Map.of(PENDING, PENDING, CONFIRMED, PENDING));

    @ParameterizedTest
    @EnumSource(value = AppointmentAction.class, names = "BOOK", mode = EnumSource.Mode.EXCLUDE)
    void everyStatusChangeIsLegalExactlyWhereTheContractSaysSo(AppointmentAction action) {
        for (AppointmentStatus from : AppointmentStatus.values()) {
            Optional<String> refusal = Lifecycle.refusal(action, from, PAST_START, NOW);
            AppointmentStatus expected = LEGAL.get(action).get(from);
            if (expected == null) {
                assertThat(refusal).as("%s from %s", action, from).hasValueSatisfying(message ->
                        assertThat(message).contains(from.name()).contains("cannot be"));
            } else {
                assertThat(refusal).as("%s from %s", action, from).isEmpty();
                assertThat(action.to()).isEqualTo(expected);
            }
        }
    }

    @Test
    void completedAndNoShowOnlyOnceTheStartHasPassed() {
        assertThat(Lifecycle.refusal(AppointmentAction.COMPLETE, CONFIRMED, FUTURE_START, NOW))
                .hasValueSatisfying(message -> assertThat(message).contains("has not started yet"));
        assertThat(Lifecycle.refusal(AppointmentAction.NO_SHOW, CONFIRMED, FUTURE_START, NOW)).isPresent();
        assertThat(Lifecycle.refusal(AppointmentAction.COMPLETE, CONFIRMED, NOW, NOW)).as("at the start").isEmpty();
        // the other changes do not depend on the time
        assertThat(Lifecycle.refusal(AppointmentAction.CONFIRM, PENDING, FUTURE_START, NOW)).isEmpty();
        assertThat(Lifecycle.refusal(AppointmentAction.CANCEL, CONFIRMED, PAST_START, NOW)).isEmpty();
    }

    @Test
    void whoMayDoWhat() {
        Map<AppointmentAction, Set<Party>> allowed = Map.of(
                AppointmentAction.CONFIRM, EnumSet.of(Party.DOCTOR, Party.ADMIN),
                AppointmentAction.COMPLETE, EnumSet.of(Party.DOCTOR, Party.ADMIN),
                AppointmentAction.NO_SHOW, EnumSet.of(Party.DOCTOR, Party.ADMIN),
                AppointmentAction.CANCEL, EnumSet.of(Party.PATIENT, Party.DOCTOR, Party.ADMIN),
                AppointmentAction.RESCHEDULE, EnumSet.of(Party.PATIENT, Party.ADMIN));
        allowed.forEach((action, parties) -> {
            for (Party party : Party.values()) {
                assertThat(Lifecycle.actingAs(action, EnumSet.of(party)))
                        .as("%s by %s", action, party)
                        .isEqualTo(parties.contains(party) ? Optional.of(party) : Optional.empty());
            }
            assertThat(Lifecycle.actingAs(action, EnumSet.noneOf(Party.class))).isEmpty();
        });
    }

    @Test
    void aCallerActsInTheirOwnPartyRoleBeforeAsAdmin() {
        assertThat(Lifecycle.actingAs(AppointmentAction.CANCEL, EnumSet.of(Party.PATIENT, Party.ADMIN)))
                .contains(Party.PATIENT);
        assertThat(Lifecycle.actingAs(AppointmentAction.CONFIRM, EnumSet.of(Party.PATIENT, Party.ADMIN)))
                .contains(Party.ADMIN);
    }

    @Test
    void relationsFollowTheIdsAndTheAdminRole() {
        UUID patient = UUID.randomUUID();
        UUID doctor = UUID.randomUUID();
        UUID stranger = UUID.randomUUID();
        assertThat(Party.of(patient, false, patient, doctor)).containsExactly(Party.PATIENT);
        assertThat(Party.of(doctor, false, patient, doctor)).containsExactly(Party.DOCTOR);
        assertThat(Party.of(stranger, false, patient, doctor)).isEmpty();
        assertThat(Party.of(stranger, true, patient, doctor)).containsExactly(Party.ADMIN);
    }

    @Test
    void onlyPendingAndConfirmedHoldTheirTime() {
        assertThat(EnumSet.allOf(AppointmentStatus.class).stream().filter(AppointmentStatus::isActive))
                .containsExactly(PENDING, CONFIRMED);
    }
}
