package org.homeward.app.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import org.axonframework.common.jdbc.JdbcException;
import org.homeward.query.support.TestDatabases;
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
        assertThat(DatabaseUnavailable.duringCommit(failed)).as("it may have been committed").isTrue();
    }

    @Test
    void statementOnAConnectionThePoolClosedIsAnOutage() throws Exception {
        // what a request thread gets when Hikari evicted its connection under it: a bare SQLException, no state
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(TestDatabases.create());
        pool.setUsername("postgres");
        Connection connection = pool.getConnection();
        connection.close();
        SQLException closed = null;
        try {
            connection.createStatement();
        } catch (SQLException e) {
            closed = e;
        } finally {
            pool.close();
        }

        assertThat((Object) closed).as("the pool refused the closed connection").isNotNull();
        JdbcException beforeCommit = new JdbcException("Failed to create a SQL statement", closed);
        assertThat(DatabaseUnavailable.causedIt(beforeCommit)).isTrue();
        assertThat(DatabaseUnavailable.duringCommit(beforeCommit)).as("nothing can have been committed").isFalse();
    }

    @Test
    void aRuleOrProgrammingErrorIsNot() {
        assertThat(DatabaseUnavailable.causedIt(new IllegalStateException("synthetic"))).isFalse();
        assertThat(DatabaseUnavailable.causedIt(new SQLException("syntax error", "42601"))).isFalse();
    }
}
