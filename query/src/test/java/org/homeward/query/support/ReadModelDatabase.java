package org.homeward.query.support;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A fresh PostgreSQL database holding the read side's tables, made by the read side's own migrations alone. */
public final class ReadModelDatabase {

    private ReadModelDatabase() {
    }

    public static JdbcTemplate fresh() {
        DriverManagerDataSource database = new DriverManagerDataSource(TestDatabases.create(), "postgres", "");
        Flyway.configure().dataSource(database).locations("classpath:db/migration").outOfOrder(true).load().migrate();
        return new JdbcTemplate(database);
    }
}
