package org.homeward.query.support;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

/** A fresh PostgreSQL database holding the read side's tables, made by the read side's own migrations alone. */
public final class ReadModelDatabase {

    private ReadModelDatabase() {
    }

    public static JdbcTemplate fresh() {
        // batched inserts rewritten as the application has them (application.yml); pooled as the application's
        // connections are: a new connection per statement made a given-events test spend most of its time connecting
        HikariDataSource database = new HikariDataSource();
        database.setJdbcUrl(TestDatabases.create() + "?reWriteBatchedInserts=true");
        database.setUsername("postgres");
        database.setPassword("");
        // opened on demand, closed once idle: every test class of the run keeps its pool until the JVM exits
        database.setMaximumPoolSize(16);
        database.setMinimumIdle(0);
        database.setIdleTimeout(10_000);
        Flyway.configure().dataSource(database).locations("classpath:db/migration").outOfOrder(true).load().migrate();
        return new JdbcTemplate(database);
    }

    /**
     * A fresh database with the read side's tables and the event store's table, for a projection that reads what
     * the store gave each event (the audit trail reads each event's position). The table has the columns of the
     * application's (deploy's V1) that the read side reads; their positions are drawn as there, by identity.
     */
    public static JdbcTemplate freshWithEventStore() {
        JdbcTemplate jdbc = fresh();
        jdbc.execute("""
                create table domain_event_entry (
                    global_index         bigint generated always as identity primary key,
                    event_identifier     varchar(255) not null unique,
                    aggregate_identifier varchar(255) not null,
                    sequence_number      bigint       not null,
                    type                 varchar(255),
                    time_stamp           varchar(255) not null,
                    payload_type         varchar(255) not null,
                    payload              bytea        not null,
                    unique (aggregate_identifier, sequence_number))""");
        return jdbc;
    }
}
