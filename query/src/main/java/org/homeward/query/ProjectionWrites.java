package org.homeward.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A projection's writes for one batch of events, sent to PostgreSQL just before the batch commits: consecutive
 * statements of the same SQL go as one JDBC batch (one round trip, inserts rewritten into one multi-row insert),
 * in the order the handlers asked for them, so a batch's effect is exactly that of its statements one by one.
 * A processor applies a batch and stores its token in one transaction; this only changes how many round trips
 * that transaction takes.
 *
 * <p>It also makes a journey projection's handlers safe to replay. Each journey row keeps the sequence number of
 * the last event applied to it; the versions of the batch's journeys are read once, a handler goes on only if its
 * event's version is above the journey's, and the new versions are written with the batch. A batch replayed after
 * a crash, or an event delivered twice, then changes nothing.
 *
 * <p>Handlers never read what they wrote in the same batch: what depends on the journey's rows as a whole (its
 * last milestone, its outcome facts) is derived once per batch per journey, after the batch's statements
 * ({@link #derive}).
 */
public final class ProjectionWrites {

    /** A version meaning the journey has no row here yet. */
    private static final long NO_ROW = -1;

    private final JdbcTemplate jdbc;
    private final String journeyTable;
    private final String resource = "homeward.projection-writes." + UUID.randomUUID();

    /**
     * @param journeyTable the projection's table with one row per journey and a {@code version} column, or null
     *                     for a projection with no journeys
     */
    public ProjectionWrites(JdbcTemplate jdbc, String journeyTable) {
        this.jdbc = jdbc;
        this.journeyTable = journeyTable;
    }

    /** Sends the statement with the batch. */
    public void write(String sql, Object... arguments) {
        batch().write(sql, arguments, false);
    }

    /**
     * Sends one row for a statement that takes its rows as text arrays, one per column
     * ({@code ... from unnest(?::text[], ?::text[]) as row(a, b)}, cast in the SQL): consecutive rows of the same
     * statement go as one execution. For rows a statement must look something up for, where a JDBC batch would
     * still execute the statement once per row.
     */
    public void writeRow(String sql, String... columns) {
        batch().write(sql, columns, true);
    }

    /**
     * Whether the journey is new here: then the caller inserts its row with {@code version}, in this batch.
     * An opening replayed, or delivered again, answers false.
     */
    public boolean open(UUID journeyId, long version) {
        Batch batch = batch();
        if (batch.version(journeyId) != NO_ROW) {
            return false;
        }
        batch.versions.put(journeyId, version);
        return true;
    }

    /** Whether the event at {@code version} is new to the journey: then its row will say so when the batch commits. */
    public boolean advance(UUID journeyId, long version) {
        Batch batch = batch();
        long applied = batch.version(journeyId);
        if (applied == NO_ROW || applied >= version) {
            return false;
        }
        batch.versions.put(journeyId, version);
        batch.advanced.add(journeyId);
        return true;
    }

    /**
     * Derives something from the journey's rows once this batch's statements are sent: {@code derivation} gets
     * every journey it was asked for in the batch, once each. The same derivation instance groups the requests.
     */
    public void derive(UUID journeyId, Consumer<Set<UUID>> derivation) {
        batch().derivations.computeIfAbsent(derivation, d -> new LinkedHashSet<>()).add(journeyId);
    }

    /**
     * Hands events to a projection as one batch outside a processor (a timeline as known on a date, given-events
     * tests): its writes go when the batch's unit of work commits, inside whatever transaction is open.
     */
    public static void applyAsOneBatch(Object projection, List<? extends EventMessage<?>> events) {
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(projection);
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(new ArrayList<>(events));
        ResultMessage<?> applied = batch.executeWithResult(() -> handlers.handle(batch.getMessage()));
        if (applied.isExceptional()) {
            throw new IllegalStateException("The projection failed on a batch of " + events.size() + " events",
                                            applied.exceptionResult());
        }
    }

    /** Journeys as the argument of {@code = any(?::uuid[])}: one statement for many journeys. */
    public static String[] ids(Collection<UUID> journeys) {
        return journeys.stream().map(UUID::toString).toArray(String[]::new);
    }

    /** The batch of the unit of work handling the event: a processor's, or one nested in a query's (as-of reads). */
    private Batch batch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        return unitOfWork.getOrComputeResource(resource, key -> {
            Batch batch = new Batch(unitOfWork);
            unitOfWork.onPrepareCommit(u -> batch.send());
            return batch;
        });
    }

    /** One batch's pending statements and the versions of its journeys. */
    private final class Batch {

        private final UnitOfWork<?> unitOfWork;
        private final List<Run> runs = new ArrayList<>();
        private final Map<UUID, Long> versions = new HashMap<>();
        private final Set<UUID> advanced = new LinkedHashSet<>();
        private final Map<Consumer<Set<UUID>>, Set<UUID>> derivations = new LinkedHashMap<>();
        private boolean versionsRead;

        Batch(UnitOfWork<?> unitOfWork) {
            this.unitOfWork = unitOfWork;
        }

        void write(String sql, Object[] arguments, boolean asArrays) {
            Run last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last == null || !last.sql.equals(sql) || last.asArrays != asArrays) {
                last = new Run(sql, asArrays, new ArrayList<>());
                runs.add(last);
            }
            last.arguments.add(arguments);
        }

        long version(UUID journeyId) {
            if (!versionsRead) {
                readVersions();
            }
            Long version = versions.get(journeyId);
            if (version == null) {
                readVersions(List.of(journeyId));
                version = versions.getOrDefault(journeyId, NO_ROW);
                versions.put(journeyId, version);
            }
            return version;
        }

        /** The versions of every journey in the batch, in one query. */
        private void readVersions() {
            versionsRead = true;
            List<? extends Message<?>> messages = unitOfWork instanceof BatchingUnitOfWork<?> batching
                    ? batching.getMessages() : List.of(unitOfWork.getMessage());
            List<UUID> journeys = new ArrayList<>();
            for (Message<?> message : messages) {
                if (message instanceof DomainEventMessage<?> event) {
                    try {
                        journeys.add(UUID.fromString(event.getAggregateIdentifier()));
                    } catch (IllegalArgumentException notAJourney) {
                        // an aggregate of another kind; none of its events asks for a journey's version
                    }
                }
            }
            readVersions(journeys);
            journeys.forEach(journey -> versions.putIfAbsent(journey, NO_ROW));
        }

        private void readVersions(List<UUID> journeys) {
            if (journeyTable == null || journeys.isEmpty()) {
                return;
            }
            jdbc.query("select journey_id, version from " + journeyTable + " where journey_id = any(?::uuid[])",
                       rs -> {
                           versions.put(rs.getObject(1, UUID.class), rs.getLong(2));
                       },
                       (Object) ids(journeys));
        }

        void send() {
            for (Run run : runs) {
                if (run.asArrays) {
                    jdbc.update(run.sql, run.columns());
                } else {
                    jdbc.batchUpdate(run.sql, run.arguments);
                }
            }
            derivations.forEach((derivation, journeys) -> derivation.accept(journeys));
            if (!advanced.isEmpty()) {
                List<Object[]> newVersions = new ArrayList<>();
                for (UUID journey : advanced) {
                    newVersions.add(new Object[] {versions.get(journey), journey});
                }
                jdbc.batchUpdate("update " + journeyTable + " set version = ? where journey_id = ?", newVersions);
            }
        }
    }

    /** Statements of one SQL in a row: a JDBC batch, or one execution whose arguments are the rows' columns. */
    private record Run(String sql, boolean asArrays, List<Object[]> arguments) {

        Object[] columns() {
            Object[] columns = new Object[arguments.get(0).length];
            for (int column = 0; column < columns.length; column++) {
                String[] values = new String[arguments.size()];
                for (int row = 0; row < values.length; row++) {
                    values[row] = (String) arguments.get(row)[column];
                }
                columns[column] = values;
            }
            return columns;
        }
    }
}
