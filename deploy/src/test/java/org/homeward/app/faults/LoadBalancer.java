package org.homeward.app.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * HAProxy in front of Homeward's processes, with the operator's own configuration (deploy/compose/haproxy.cfg):
 * reads (and the projections' administration) to the query processes, everything else to the command processes,
 * each process health-checked on its management port.
 */
final class LoadBalancer implements AutoCloseable {

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final int port;
    private final int statsPort;
    private final Process process;

    private LoadBalancer(int port, int statsPort, Process process) {
        this.port = port;
        this.statsPort = statsPort;
        this.process = process;
    }

    static LoadBalancer start(Path work, List<Homeward> command, List<Homeward> query) throws Exception {
        int port = Cluster.freePort();
        int statsPort = Cluster.freePort();
        Path config = work.resolve("haproxy.cfg");
        Files.writeString(config, configuration(Files.readString(shipped()), port, statsPort,
                                                Stream.concat(command.stream(), query.stream()).toList()));
        Process process = new ProcessBuilder("haproxy", "-db", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("haproxy.log").toFile()).start();
        LoadBalancer balancer = new LoadBalancer(port, statsPort, process);
        balancer.awaitUp(command.size() + query.size());
        return balancer;
    }

    /** The operator's file, deploy/compose/haproxy.cfg, from the repository's root or from deploy/. */
    private static Path shipped() {
        Path fromRoot = Path.of("deploy", "compose", "haproxy.cfg");
        return Files.exists(fromRoot) ? fromRoot : Path.of("compose", "haproxy.cfg");
    }

    /**
     * The shipped configuration on this machine: the API on a free port of the loopback, each server at its process's
     * ports, and a statistics page to read the servers' states from.
     */
    static String configuration(String shipped, int port, int statsPort, List<Homeward> processes) {
        String local = shipped.replace("bind :8080", "bind 127.0.0.1:" + port);
        if (local.equals(shipped)) {
            throw new IllegalStateException("haproxy.cfg binds no longer ':8080'");
        }
        for (Homeward process : processes) {
            String server = "server " + process.name + " " + process.name + ":8080 check port 8081";
            if (!local.contains(server)) {
                throw new IllegalStateException("haproxy.cfg has no line '" + server + "'");
            }
            local = local.replace(server, "server %s 127.0.0.1:%d check port %d".formatted(
                    process.name, process.port(), process.managementPort()));
        }
        return local + """

                frontend stats
                    bind 127.0.0.1:%d
                    stats enable
                    stats uri /stats
                """.formatted(statsPort);
    }

    /** Each server's state as HAProxy sees it: name -> UP, DOWN, ... */
    Map<String, String> states() {
        Map<String, String> states = new HashMap<>();
        try {
            HttpResponse<String> csv = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statsPort + "/stats;csv"))
                               .timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (String line : csv.body().split("\n")) {
                String[] columns = line.split(",");
                // pxname, svname, ..., status is the 18th column
                if (columns.length > 17 && !columns[1].equals("FRONTEND") && !columns[1].equals("BACKEND")
                    && !line.startsWith("#")) {
                    states.put(columns[1], columns[17]);
                }
            }
        } catch (Exception e) {
            // no answer: no states
        }
        return states;
    }

    private void awaitUp(int servers) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("haproxy exited " + process.exitValue());
            }
            if (states().values().stream().filter("UP"::equals).count() == servers) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("haproxy did not see every process up within 30 s: " + states());
    }

    /** Milliseconds from {@code sinceNanos} until HAProxy marks the server down; -1 if not within the bound. */
    long downAfter(String server, long sinceNanos, Duration bound) throws InterruptedException {
        while (System.nanoTime() - sinceNanos < bound.toNanos()) {
            String state = states().get(server);
            if (state != null && state.startsWith("DOWN")) {
                return (System.nanoTime() - sinceNanos) / 1_000_000;
            }
            Thread.sleep(50);
        }
        return -1;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
