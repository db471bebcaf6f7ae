package org.careslot.doctor.profile.persistence;

import java.sql.SQLException;

/** Which database constraint a failed write violated (the SQLState and constraint name of the driver's exception). */
public final class DatabaseErrors {

    public static final String UNIQUE_VIOLATION = "23505";
    public static final String EXCLUSION_VIOLATION = "23P01";

    public static final String LICENSE_UNIQUE = "doctor_profile_license_uq";
    public static final String PROFILE_PRIMARY_KEY = "doctor_profile_pkey";
    public static final String SLOT_NO_OVERLAP = "time_slot_no_overlap";

    private DatabaseErrors() {
    }

    /** True when {@code failure} (or a cause) is a PostgreSQL error with that SQLState naming that constraint. */
    public static boolean violated(Throwable failure, String sqlState, String constraint) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    if (sqlState.equals(e.getSQLState()) && String.valueOf(e.getMessage()).contains(constraint)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
