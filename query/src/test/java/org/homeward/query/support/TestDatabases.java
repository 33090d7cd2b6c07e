package org.homeward.query.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fresh PostgreSQL database per caller: on the local server (127.0.0.1:5432, user postgres) when it answers,
 * else on one throwaway embedded PostgreSQL started for the test run. Databases are dropped when the test JVM exits.
 */
public final class TestDatabases {

    private static final String LOCAL_SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final List<String> created = new CopyOnWriteArrayList<>();
    private static String server;

    private TestDatabases() {
    }

    /** Creates an empty database and answers its JDBC URL (user {@code postgres}, no password). */
    public static synchronized String create() {
        String name = "homeward_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(server() + "postgres", "create database " + name);
        if (created.isEmpty()) {
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::dropAll));
        }
        created.add(name);
        return server() + name;
    }

    private static String server() {
        if (server == null) {
            server = localServerAnswers() ? LOCAL_SERVER : startEmbedded();
        }
        return server;
    }

    private static boolean localServerAnswers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5432), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String startEmbedded() {
        try {
            // zonky's test defaults: trust, fsync and synchronous commit off. Fast, and fit only for synthetic data
            // thrown away with the run; the application's embedded default is EmbeddedDatabase, durable and closed.
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                                                        .setDataDirectory(Files.createTempDirectory("homeward-test-db"))
                                                        .start();
            return "jdbc:postgresql://localhost:" + postgres.getPort() + "/";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void dropAll() {
        for (String name : created) {
            try {
                execute(server + "postgres", "drop database if exists " + name + " with (force)");
            } catch (RuntimeException e) {
                // the server may already be gone at JVM exit; a leftover test database harms nothing
            }
        }
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare a test database", e);
        }
    }
}
