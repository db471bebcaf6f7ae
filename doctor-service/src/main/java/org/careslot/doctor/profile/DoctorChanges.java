package org.careslot.doctor.profile;

import org.careslot.doctor.profile.messaging.DoctorEvents;
import org.careslot.doctor.profile.persistence.DoctorProfile;
import org.careslot.doctor.profile.persistence.DoctorProfileRepository;
import org.careslot.doctor.profile.persistence.TimeOffRepository;
import org.careslot.doctor.profile.persistence.TimeSlotRepository;
import org.careslot.doctor.user.KnownUsers;
import org.careslot.platform.web.problem.ResourceNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * How every change of a doctor happens, inside the caller's transaction: lock the profile row (changes of one doctor
 * are serialised, so versions and events stay in order), change things, then {@link #record(DoctorProfile)} bumps the
 * version and writes the doctor's whole new state to the outbox — state and event commit together or not at all.
 */
@Component
class DoctorChanges {

    private final DoctorProfileRepository profiles;
    private final TimeSlotRepository slots;
    private final TimeOffRepository timeOff;
    private final KnownUsers users;
    private final DoctorEvents events;
    private final Clock clock;

    DoctorChanges(DoctorProfileRepository profiles, TimeSlotRepository slots, TimeOffRepository timeOff,
                  KnownUsers users, DoctorEvents events, Clock clock) {
        this.profiles = profiles;
        this.slots = slots;
        this.timeOff = timeOff;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    /** The doctor's profile, locked until commit; 404 when the doctor has no profile yet. */
    @Transactional(propagation = Propagation.MANDATORY)
    DoctorProfile lock(UUID doctorId) {
        return lockIfPresent(doctorId).orElseThrow(DoctorChanges::noProfile);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Optional<DoctorProfile> lockIfPresent(UUID doctorId) {
        return profiles.findForUpdate(doctorId);
    }

    /** Bumps the version of a changed doctor and publishes the new state; returns it as clients see it. */
    @Transactional(propagation = Propagation.MANDATORY)
    DoctorView record(DoctorProfile profile) {
        if (!profile.isNew()) {
            profile.touch(clock.instant());
        }
        profiles.saveAndFlush(profile); // unique license is checked here, before anything is published
        DoctorView view = DoctorView.of(profile, users.find(profile.getId()).orElse(null));
        events.updated(profile, view, slots.findByDoctorIdOrderByWeekdayAscStartMinuteAsc(profile.getId()),
                timeOff.findByDoctorIdOrderByDateFromAscIdAsc(profile.getId()));
        return view;
    }

    static ResourceNotFoundException noProfile() {
        return new ResourceNotFoundException("Doctor profile");
    }
}
