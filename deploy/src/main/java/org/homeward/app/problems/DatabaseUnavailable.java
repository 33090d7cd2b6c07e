package org.homeward.app.problems;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Recognises a failure that only says the database could not be reached, however Spring, Hikari, the JDBC driver
 * or Axon wrapped it: the request may succeed when retried, so it is answered 503, not 500.
 */
final class DatabaseUnavailable {

    /**
     * SQLSTATE class 08 is "connection exception"; 57P01-57P03 are the server shutting down or not yet accepting
     * connections (PostgreSQL's "admin_shutdown", "crash_shutdown", "cannot_connect_now").
     */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03");

    private DatabaseUnavailable() {
    }

    static boolean causedIt(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            // a commit or rollback that failed: the connection went away under it (Hikari says only "Connection
            // is closed"); whether the commit landed is unknown, which a retry with the Idempotency-Key settles
            if (cause instanceof TransactionSystemException
                || cause instanceof CannotCreateTransactionException
                || cause instanceof DataAccessResourceFailureException
                || cause instanceof TransientDataAccessResourceException
                || cause instanceof SQLTransientConnectionException
                || cause instanceof SQLNonTransientConnectionException
                || cause instanceof ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || UNAVAILABLE_STATES.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
