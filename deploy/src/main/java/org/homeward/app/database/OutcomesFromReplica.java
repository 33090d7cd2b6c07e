package org.homeward.app.database;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.homeward.query.QuerySettings;
import org.homeward.query.outcomes.OutcomesReplica;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * Outcome queries from a streaming replica of the configured server, when {@code homeward.outcomes.replica-url}
 * names one (docs/operations: a replica). When the replica does not give a connection within two seconds, outcome
 * queries go to the primary for the next minute: an evaluator never sees the replica's outage, only its delay.
 * The replica is reached as the primary is (same user and password), read-only.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${homeward.outcomes.replica-url:}'.isEmpty() && '${homeward.role}' matches 'all|query'")
public class OutcomesFromReplica {

    private static final Logger log = LoggerFactory.getLogger(OutcomesFromReplica.class);
    private static final Duration ON_PRIMARY_AFTER_FAILURE = Duration.ofMinutes(1);
    /** The sessions of the replica's pool, in pg_stat_activity. */
    public static final String APPLICATION_NAME = "homeward-outcomes";

    /** Not a DataSource bean: one of those would stand in for the application's own. */
    @Bean(destroyMethod = "close")
    ReplicaConnections replicaConnections(QuerySettings settings, DataSourceProperties primary,
                                          DataSource primaryPool) {
        HikariDataSource replica = new HikariDataSource();
        replica.setPoolName("outcomes-replica");
        replica.setJdbcUrl(settings.outcomes().replicaUrl());
        replica.setUsername(primary.determineUsername());
        replica.setPassword(primary.determinePassword());
        replica.setReadOnly(true);
        replica.setMaximumPoolSize(4);
        replica.setConnectionTimeout(2000);
        replica.setInitializationFailTimeout(-1);       // a replica that is down does not stop the start
        replica.setConnectionInitSql("SET statement_timeout = '30s'");
        replica.addDataSourceProperty("logServerErrorDetail", false);
        replica.addDataSourceProperty("ApplicationName", APPLICATION_NAME);   // what the replica's sessions show
        return new ReplicaConnections(replica, primaryPool);
    }

    @Bean
    OutcomesReplica outcomesReplica(ReplicaConnections connections) {
        return new OutcomesReplica(new JdbcTemplate(connections.dataSource));
    }

    static final class ReplicaConnections implements AutoCloseable {

        private final HikariDataSource replica;
        final DataSource dataSource;
        private volatile long onPrimaryUntil;

        ReplicaConnections(HikariDataSource replica, DataSource primary) {
            this.replica = replica;
            this.onPrimaryUntil = System.nanoTime();
            this.dataSource = new AbstractDataSource() {
                @Override
                public Connection getConnection() throws SQLException {
                    if (System.nanoTime() - onPrimaryUntil < 0) {
                        return primary.getConnection();
                    }
                    try {
                        return replica.getConnection();
                    } catch (SQLException e) {
                        onPrimaryUntil = System.nanoTime() + ON_PRIMARY_AFTER_FAILURE.toNanos();
                        log.warn("The outcomes replica gives no connection ({}); outcomes read from the primary for"
                                 + " {} s", e.getSQLState(), ON_PRIMARY_AFTER_FAILURE.toSeconds());
                        return primary.getConnection();
                    }
                }

                @Override
                public Connection getConnection(String username, String password) {
                    throw new UnsupportedOperationException("the replica's credentials are the application's");
                }
            };
        }

        @Override
        public void close() {
            replica.close();
        }
    }
}
