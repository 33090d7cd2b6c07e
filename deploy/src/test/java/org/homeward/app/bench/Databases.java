package org.homeward.app.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Fresh databases on one PostgreSQL server (user postgres), dropped when the bench is done. */
final class Databases {

    /** Who the bench connects as: {@code BENCH_USER} and {@code BENCH_PASSWORD}, else postgres, no password. */
    static final String USER = System.getenv().getOrDefault("BENCH_USER", "postgres");
    static final String PASSWORD = System.getenv().getOrDefault("BENCH_PASSWORD", "");

    private final String server;
    private final List<String> created = new ArrayList<>();

    /** @param server a JDBC URL ending in '/', such as {@code jdbc:postgresql://127.0.0.1:5432/} */
    Databases(String server) {
        this.server = server;
    }

    String create() {
        String name = "homeward_bench_" + ProcessHandle.current().pid() + "_" + created.size();
        execute("drop database if exists " + name + " with (force)");
        execute("create database " + name);
        created.add(name);
        return server + name;
    }

    static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, USER, PASSWORD);
    }

    void dropAll() {
        created.forEach(name -> execute("drop database if exists " + name + " with (force)"));
    }

    private void execute(String sql) {
        try (Connection connection = connect(server + "postgres");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
