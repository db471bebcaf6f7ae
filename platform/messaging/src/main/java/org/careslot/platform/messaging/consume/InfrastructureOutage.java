package org.careslot.platform.messaging.consume;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a handler failure caused by infrastructure that is away for a while (the service's own PostgreSQL
 * unreachable, restarting or having dropped the connection) from a failure of the event itself. The first kind must
 * not use up an event's bounded retries and send it to the dead-letter topic: once the database is back the same
 * event succeeds, so the consumer waits for it instead, however long the outage lasts.
 */
public final class InfrastructureOutage {

    private InfrastructureOutage() {
    }

    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException // incl. CannotGetJdbcConnectionException
                    || cause instanceof TransientDataAccessResourceException
                    || cause instanceof RecoverableDataAccessException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException // e.g. Hikari: connection not available
                    || cause instanceof SQLRecoverableException
                    || cause instanceof SQLException sql && lostConnection(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** SQLSTATE class 08 (connection exception) and 57P01–57P03 (admin/crash shutdown, cannot connect now). */
    private static boolean lostConnection(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P0"));
    }
}
