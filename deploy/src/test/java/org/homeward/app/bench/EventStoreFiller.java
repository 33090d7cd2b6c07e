package org.homeward.app.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.homeward.journey.MilestoneType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fills the event store in bulk with synthetic journeys: copies of one journey really recorded through the
 * application (its intake and one milestone, serialized as the application serializes them), each copy with its
 * own journey and milestone ids and milestone types, in valid per-journey sequence, interleaved across journeys as
 * many case managers' work is.
 */
final class EventStoreFiller {

    private static final JsonMapper json = JsonMapper.builder().build();

    private EventStoreFiller() {
    }

    /**
     * @param firstJourney the synthetic journeys are numbered from here: a store grows by filling it again from
     *                     the number after the last
     */
    static void fill(JdbcTemplate jdbc, PlatformTransactionManager transactions, UUID template, int firstJourney,
                     int journeys, int eventsPerJourney, List<MilestoneType> types) {
        // one statement of millions of rows: the application's 30 s bound on a statement is for its own work
        new TransactionTemplate(transactions).executeWithoutResult(unbounded -> {
            jdbc.execute("set local statement_timeout = 0");
            insert(jdbc, template, firstJourney, journeys, eventsPerJourney, types);
        });
    }

    private static void insert(JdbcTemplate jdbc, UUID template, int firstJourney, int journeys,
                               int eventsPerJourney, List<MilestoneType> types) {
        Map<String, Object> opened = row(jdbc, template, 0);
        Map<String, Object> recorded = row(jdbc, template, 1);
        String milestone = json.readTree((byte[]) recorded.get("payload")).path("milestoneId").asString();
        String recordedType = json.readTree((byte[]) recorded.get("payload")).path("type").asString();
        String typeNames = types.stream().map(type -> "'" + type.name() + "'").collect(Collectors.joining(", "));
        jdbc.update("""
                    insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                        time_stamp, payload_type, payload_revision, payload, meta_data)
                    select md5('event-' || j || '-' || s)::uuid::text, journey, s, 'Journey', ?,
                           case when s = 0 then ? else ? end, null,
                           convert_to(replace(replace(replace(convert_from(case when s = 0 then ?::bytea
                                                                                else ?::bytea end, 'UTF8'),
                                                              ?, journey),
                                                      ?, md5('milestone-' || j || '-' || s)::uuid::text),
                                              '"' || ? || '"', '"' || (array[%s])[1 + (j + s) %% %d] || '"'),
                                      'UTF8'),
                           case when s = 0 then ?::bytea else ?::bytea end
                    from generate_series(0, ? - 1) s, generate_series(?, ?) j,
                         lateral (select md5('journey-' || j)::uuid::text as journey) ids
                    order by s, j
                    """.formatted(typeNames, types.size()),
                    recorded.get("time_stamp"), opened.get("payload_type"), recorded.get("payload_type"),
                    opened.get("payload"), recorded.get("payload"), template.toString(), milestone, recordedType,
                    opened.get("meta_data"), recorded.get("meta_data"), eventsPerJourney, firstJourney,
                    firstJourney + journeys - 1);
    }

    /**
     * Places every processor at the head of the store, so that only a rebuild reads the filled events. Only while
     * no application runs on the database: a running processor that the fill's notification woke would store its
     * own position over the head (a token without an owner is anyone's to claim).
     */
    static void placeProcessorsAtHead(String databaseUrl) throws SQLException {
        try (Connection connection = Databases.connect(databaseUrl);
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("""
                    update token_entry
                    set token = convert_to('{"index":' || (select max(global_index) from domain_event_entry)
                                           || ',"gaps":[]}', 'UTF8'),
                        token_type = 'org.axonframework.eventhandling.GapAwareTrackingToken',
                        owner = null
                    """);
        }
    }

    private static Map<String, Object> row(JdbcTemplate jdbc, UUID journey, long sequence) {
        return jdbc.queryForMap("""
                                select time_stamp, payload_type, payload, meta_data from domain_event_entry
                                where aggregate_identifier = ? and sequence_number = ?
                                """, journey.toString(), sequence);
    }

    /** Reads every event in global order, as a processor would, and answers the seconds it took. */
    static double rawScan(String databaseUrl) throws SQLException {
        try (Connection connection = Databases.connect(databaseUrl)) {
            connection.setAutoCommit(false);
            long start = System.nanoTime();
            long bytes = 0;
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(1000);
                try (ResultSet rows = statement.executeQuery("""
                        select global_index, event_identifier, aggregate_identifier, sequence_number, type,
                               time_stamp, payload_type, payload_revision, payload, meta_data
                        from domain_event_entry order by global_index""")) {
                    while (rows.next()) {
                        bytes += rows.getBytes("payload").length + rows.getBytes("meta_data").length;
                    }
                }
            }
            connection.commit();
            if (bytes == 0) {
                throw new IllegalStateException("the event store is empty");
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }
}
