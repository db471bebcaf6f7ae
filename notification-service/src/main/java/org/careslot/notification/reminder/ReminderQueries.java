package org.careslot.notification.reminder;

import org.careslot.notification.appointment.Appointment;
import org.careslot.notification.appointment.Appointments;
import org.careslot.notification.reminder.persistence.ReminderRepository;
import org.careslot.platform.web.paging.PageQuery;
import org.careslot.platform.web.problem.ResourceNotFoundException;
import org.careslot.platform.web.security.CurrentUser;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.UUID;

/** The messages of one appointment, for its patient, its doctor and admins. */
@Service
public class ReminderQueries {

    /** One page of an appointment's messages. */
    public record Page(List<Reminder> reminders, long count) {
    }

    private final Appointments appointments;
    private final ReminderRepository reminders;

    public ReminderQueries(Appointments appointments, ReminderRepository reminders) {
        this.appointments = appointments;
        this.reminders = reminders;
    }

    /**
     * @throws ResourceNotFoundException when the appointment is unknown here or the caller is neither an admin nor one
     *                                   of its two parties: the same answer, so nothing about it leaks
     */
    public Page list(CurrentUser caller, UUID appointmentId, PageQuery page) {
        Appointment appointment = appointments.find(appointmentId)
                .filter(found -> caller.isAdmin() || found.concerns(caller.id()))
                .orElseThrow(() -> new ResourceNotFoundException("Appointment"));
        return new Page(reminders.page(appointment.id(), page.offset(), page.pageSize()),
                reminders.count(appointment.id()));
    }
}
