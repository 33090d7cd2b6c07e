package org.homeward.app.database;

import java.net.ConnectException;
import java.net.URI;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.slf4j.Logger;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Recognises a failure that only says the database could not be reached, however Spring, Hikari, the JDBC driver
 * or Axon wrapped it: a request may succeed when retried, so it is answered 503, not 500; a scheduled task will
 * run again, so its failure is one line in the log, not a stack trace every round.
 */
public final class DatabaseUnavailable {

    /**
     * SQLSTATE class 08 is "connection exception"; 57P01-57P03 are the server shutting down or not yet accepting
     * connections (PostgreSQL's "admin_shutdown", "crash_shutdown", "cannot_connect_now").
     */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03");

    private static final String CLOSED_CONNECTION = "com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection";

    /** How long a client is asked to wait before trying again. */
    public static final String RETRY_AFTER_SECONDS = "5";

    private DatabaseUnavailable() {
    }

    /**
     * The answer to a request that met the database away: 503, to be sent with {@link #RETRY_AFTER_SECONDS}.
     * The one such answer that cannot say "nothing was recorded" is for a commit under way when it went.
     */
    public static ProblemDetail answer(Throwable failure) {
        boolean committing = duringCommit(failure);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, committing
                ? "The database went away while this was being committed: it may or may not be recorded."
                  + " Send it again with the same Idempotency-Key to learn which"
                : "The service cannot reach its database; nothing was recorded, try again");
        problem.setType(URI.create("urn:homeward:problem:" + (committing ? "outcome-unknown" : "unavailable")));
        return problem;
    }

    public static boolean causedIt(Throwable failure) {
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
    public static boolean duringCommit(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof TransactionSystemException) {
                return true;
            }
        }
        return false;
    }

    /** Logs a failed round of a scheduled task: an outage in one line, anything else with its stack trace. */
    public static void logFailedRound(Logger log, String task, Throwable failure) {
        if (causedIt(failure)) {
            log.warn("{}: the database is unavailable, trying again next round ({})", task, rootMessage(failure));
        } else {
            log.error("{} failed; trying again next round", task, failure);
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
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
