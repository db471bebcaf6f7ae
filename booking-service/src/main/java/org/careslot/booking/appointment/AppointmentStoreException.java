package org.careslot.booking.appointment;

/**
 * A database refusal other than an overlap. Deliberately without the driver's exception as cause: PostgreSQL's detail
 * ("Failing row contains (...)") would carry the row's medical fields into the error log.
 */
public class AppointmentStoreException extends RuntimeException {

    public AppointmentStoreException(String operation, String sqlState, Class<?> failure) {
        super(operation + " was refused by the database (SQLState " + sqlState + ", " + failure.getSimpleName() + ")");
    }
}
