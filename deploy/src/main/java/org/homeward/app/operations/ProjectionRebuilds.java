package org.homeward.app.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.homeward.refusal.Refusal;
import org.homeward.refusal.RefusalKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rebuilds a projection from the event store while the application runs, and shows how far every projection
 * is: position, events behind the newest, events per second and the time left while it rebuilds. A rebuilding
 * projection empties its tables and refills them; until it has caught up its queries answer from what it has
 * rebuilt so far, and the timeline says "rebuilding" (503 with Retry-After) rather than "no such journey".
 */
@RestController
@Tag(name = "administration")
@RequestMapping("/api/v1/admin/projections")
class ProjectionRebuilds {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);

    /** How far a projection is, as an operator reads it. */
    record Progress(String projection, boolean rebuilding, long position, long newestEvent, long behind,
                    double eventsPerSecond, Duration timeLeft) {
    }

    private record Sample(Instant at, long position) {
    }

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Map<String, Sample> lastSample = new ConcurrentHashMap<>();
    private final Map<String, Double> rate = new ConcurrentHashMap<>();

    ProjectionRebuilds(EventProcessingConfiguration processing, JdbcTemplate jdbc, Clock clock) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Gauges per projection, once Axon has started its processors. */
    @EventListener(ApplicationReadyEvent.class)
    void registerGauges(ApplicationReadyEvent ready) {
        MeterRegistry meters = ready.getApplicationContext().getBean(MeterRegistry.class);
        for (String name : processors().keySet()) {
            Gauge.builder("homeward.projection.position", () -> position(processor(name)))
                 .tag("projection", name).description("global position the projection has reached")
                 .register(meters);
            Gauge.builder("homeward.projection.behind", () -> Math.max(0, newestEvent() - position(processor(name))))
                 .tag("projection", name).description("events the projection has still to apply")
                 .register(meters);
            Gauge.builder("homeward.projection.events.per.second", () -> rate.getOrDefault(name, 0.0))
                 .tag("projection", name).register(meters);
            Gauge.builder("homeward.projection.running", () -> running(processor(name)) ? 1 : 0)
                 .tag("projection", name).description("1 while this process runs the projection without error")
                 .register(meters);
        }
    }

    private static boolean running(StreamingEventProcessor processor) {
        return processor != null && processor.isRunning() && !processor.isError();
    }

    @Operation(summary = "How far each projection is: position, lag, speed, time left")
    @GetMapping
    List<Progress> projections() {
        long newest = newestEvent();
        return processors().keySet().stream().sorted().map(name -> progress(name, newest)).toList();
    }

    @Operation(summary = "Rebuild a projection from the event store")
    @ApiResponse(responseCode = "202", description = "Rebuilding; the answer is its progress")
    @PostMapping("/{name}/rebuild")
    ResponseEntity<Progress> rebuild(@PathVariable String name) {
        StreamingEventProcessor processor = processor(name);
        if (processor == null) {
            throw new Refusal(RefusalKind.UNKNOWN, "No such projection");
        }
        if (!processor.supportsReset()) {
            throw new Refusal(RefusalKind.RULE_BROKEN, "This projection cannot be rebuilt");
        }
        // shut down, reset and start are one step: two operators interleaving them would reset a running processor.
        // A rebuild asked during a rebuild starts it again from the beginning.
        synchronized (processor) {
            log.info("Rebuilding projection {} from the event store", name);
            processor.shutDown();
            try {
                processor.resetTokens();
            } catch (UnableToClaimTokenException heldElsewhere) {
                // the reset rolled back whole; the projection goes on where it was
                log.info("Projection {} not rebuilt: another process holds some of its segments", name);
                throw new Refusal(RefusalKind.BUSY, "Another process holds part of this projection; "
                                                    + "rebuild it when this process is the only one running it");
            } finally {
                processor.start();
            }
        }
        return ResponseEntity.accepted().body(progress(name, newestEvent()));
    }

    /** Samples the speed of every projection and logs the progress of those rebuilding. */
    @Scheduled(fixedDelayString = "${homeward.projections.progress-interval}")
    void sample() {
        long newest = newestEvent();
        for (String name : processors().keySet()) {
            long position = position(processor(name));
            Sample now = new Sample(clock.instant(), position);
            Sample before = lastSample.put(name, now);
            if (before != null) {
                double seconds = Duration.between(before.at(), now.at()).toMillis() / 1000.0;
                rate.put(name, seconds > 0 ? Math.max(0, position - before.position()) / seconds : 0);
            }
            if (processor(name).isReplaying()) {
                Progress progress = progress(name, newest);
                log.info("Projection {} rebuilding: {} of {} events, {} events/s, about {} left", name,
                         progress.position(), progress.newestEvent(), Math.round(progress.eventsPerSecond()),
                         progress.timeLeft());
            }
        }
    }

    private Progress progress(String name, long newest) {
        StreamingEventProcessor processor = processor(name);
        long position = position(processor);
        long behind = Math.max(0, newest - position);
        double eventsPerSecond = rate.getOrDefault(name, 0.0);
        Duration timeLeft = behind == 0 ? Duration.ZERO
                : eventsPerSecond > 0 ? Duration.ofSeconds(Math.round(behind / eventsPerSecond)) : null;
        return new Progress(name, processor.isReplaying(), position, newest, behind, eventsPerSecond, timeLeft);
    }

    /** The lowest position over the processor's segments: everything before it is applied. */
    private static long position(StreamingEventProcessor processor) {
        if (processor == null) {
            return 0;
        }
        return processor.processingStatus().values().stream()
                        .map(EventTrackerStatus::getCurrentPosition)
                        .map(current -> current.orElse(0))
                        .min(Comparator.naturalOrder())
                        .orElse(0L);
    }

    private long newestEvent() {
        Long newest = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        return newest == null ? 0 : newest;
    }

    private Map<String, StreamingEventProcessor> processors() {
        Map<String, StreamingEventProcessor> streaming = new HashMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor stream) {
                streaming.put(name, stream);
            }
        });
        return streaming;
    }

    private StreamingEventProcessor processor(String name) {
        return processors().get(name);
    }
}
