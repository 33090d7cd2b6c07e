package org.homeward.app.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The container health check: ready is exit status 0, anything else 1, without waiting long for a hung server. */
class HealthCommandTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @Test
    void readyIsZeroAndNotReadyIsOne() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/actuator/health/readiness", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.createContext("/down", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
        try {
            String port = String.valueOf(server.getAddress().getPort());

            assertThat(health(Map.of("MANAGEMENT_SERVER_PORT", port))).isZero();
            assertThat(health(Map.of(), "--url=http://127.0.0.1:" + port + "/down")).isEqualTo(1);
        } finally {
            server.stop(0);
        }
        assertThat(printed.toString()).contains("answered 200").contains("answered 503");
    }

    @Test
    void nothingListeningIsOne() throws IOException {
        int free;
        try (ServerSocket socket = new ServerSocket(0)) {
            free = socket.getLocalPort();
        }
        assertThat(health(Map.of("MANAGEMENT_SERVER_PORT", String.valueOf(free)))).isEqualTo(1);
        assertThat(health(Map.of(), "--url=not a url")).isEqualTo(1);
        assertThat(printed.toString()).contains("did not answer");
    }

    private int health(Map<String, String> environment, String... more) {
        String[] args = new String[more.length + 1];
        args[0] = "health";
        System.arraycopy(more, 0, args, 1, more.length);
        return HealthCommand.run(args, environment, new PrintStream(printed, true));
    }
}
