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

    private static final String CLOSED_CONNECTION = "com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection";

    private DatabaseUnavailable() {
    }

    static boolean causedIt(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
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
            if (cause instanceof SQLException sql && sql.getSQLState() == null && closedByThePool(sql)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The connection went away while the transaction was being committed (or rolled back after a failed commit):
     * the server may have committed before it went, so nobody can say whether the request was recorded.
     */
    static boolean duringCommit(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof TransactionSystemException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Hikari evicts a connection on which the server went away and answers every later use of it with a bare
     * "Connection is closed", without a state: recognised by where it comes from, not by its words.
     */
    private static boolean closedByThePool(SQLException failure) {
        StackTraceElement[] frames = failure.getStackTrace();
        return frames.length > 0 && frames[0].getClassName().startsWith(CLOSED_CONNECTION);
    }
}
