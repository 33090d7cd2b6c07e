package org.homeward.app.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.homeward.app.support.HttpTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Traces, once an operator turns them on, reach an OpenTelemetry collector over OTLP: here a stand-in collector
 * that records what it is sent. Off by default (application.yml); the other tests run without them.
 */
class TracingTest extends HttpTest {

    private static final List<String> received = new CopyOnWriteArrayList<>();
    private static HttpServer collector;

    @DynamicPropertySource
    static void tracingOn(DynamicPropertyRegistry registry) throws IOException {
        collector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        collector.createContext("/v1/traces", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(exchange.getRequestHeaders().getFirst("Content-Type") + " " + body.length);
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
        registry.add("management.tracing.export.enabled", () -> "true");
        registry.add("management.tracing.sampling.probability", () -> "1.0");
        registry.add("management.opentelemetry.tracing.export.schedule-delay", () -> "100ms");
        registry.add("management.opentelemetry.tracing.export.otlp.endpoint",
                     () -> "http://127.0.0.1:" + collector.getAddress().getPort() + "/v1/traces");
    }

    @AfterAll
    static void stopCollector() {
        collector.stop(0);
    }

    @Test
    void aRequestIsExportedAsATraceWhenTracingIsOn() {
        assertThat(api.get("/api/v1/programs").status()).isEqualTo(200);

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !received.isEmpty());
        assertThat(received.get(0)).startsWith("application/x-protobuf");
    }
}
