package org.homeward.app.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The database line names host and database, never what a URL's parameters may carry. */
class DatabaseInUseTest {

    @Test
    void aServersUrlIsToldByHostAndDatabaseOnly() {
        assertThat(DatabaseInUse.where("jdbc:postgresql://db.example:5432/homeward?user=app&password=secret"))
                .isEqualTo("db.example:5432, database homeward");
        assertThat(DatabaseInUse.where("jdbc:postgresql://app:secret@db1,db2:5433/homeward;password=secret"))
                .isEqualTo("db1,db2:5433, database homeward");
        assertThat(DatabaseInUse.where("jdbc:postgresql:homeward?password=secret"))
                .isEqualTo("localhost, database homeward");
    }
}
