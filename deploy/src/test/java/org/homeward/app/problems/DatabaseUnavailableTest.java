package org.homeward.app.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionSystemException;

/** Failures that only say the database went away are answered 503, whatever wrapped them. */
class DatabaseUnavailableTest {

    @Test
    void commitWhoseConnectionWentAwayIsAnOutage() {
        // as the fault suite saw it during pg_ctl stop: the commit failed, then its rollback on a closed connection
        TransactionSystemException failed = new TransactionSystemException("JDBC rollback failed",
                                                                           new SQLException("Connection is closed"));

        assertThat(DatabaseUnavailable.causedIt(failed)).isTrue();
    }

    @Test
    void aRuleOrProgrammingErrorIsNot() {
        assertThat(DatabaseUnavailable.causedIt(new IllegalStateException("synthetic"))).isFalse();
        assertThat(DatabaseUnavailable.causedIt(new SQLException("syntax error", "42601"))).isFalse();
    }
}
