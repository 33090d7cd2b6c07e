package org.homeward.query.outcomes;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.axonframework.queryhandling.QueryHandler;
import org.homeward.outcome.CohortPeriod;
import org.homeward.outcome.FindJourneyExport;
import org.homeward.outcome.JourneyExport;
import org.homeward.query.QuerySettings;
import org.homeward.query.outcomes.ExportGeneralisation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers the de-identified export: the journeys counted in outcome figures whose person also consented to
 * research and was not forgotten, each under a case reference that holds only within this one export, with its
 * profile generalised until every combination is shared by at least k journeys ({@link ExportGeneralisation}).
 */
@Component
class ExportQueries {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final JdbcClient sql;
    private final int threshold;

    ExportQueries(JdbcTemplate primary, Optional<OutcomesReplica> replica, QuerySettings settings) {
        this.jdbc = replica.map(OutcomesReplica::jdbc).orElse(primary);
        this.sql = JdbcClient.create(jdbc);
        this.threshold = settings.outcomes().suppressionThreshold();
    }

    /** A journey as read, before it is published. */
    private record Row(UUID journeyId, LocalDate intakeDate, Profile profile) {
    }

    /** @throws UnknownProgramException when a program is asked that was never defined */
    @QueryHandler
    JourneyExport handle(FindJourneyExport query) {
        if (query.programId() != null
            && jdbc.queryForList("select 1 from outcomes_program where program_id = ?", query.programId()).isEmpty()) {
            throw new UnknownProgramException();
        }
        // whole months, as the intake month is published: a bound inside a month would let two exports differ by
        // the journeys of a single day
        LocalDate from = query.from() == null ? null : Cohorts.start(CohortPeriod.MONTH, query.from());
        LocalDate to = query.to() == null ? null : Cohorts.end(CohortPeriod.MONTH, query.to());

        String population = """
                select j.journey_id, j.intake_date, j.age_band, j.gender, j.nationality, j.form_of_exploitation
                from outcomes_journey j
                where %s and j.research_consent and not j.personal_data_erased
                  and (cast(:from as date) is null or j.intake_date >= :from)
                  and (cast(:to as date) is null or j.intake_date <= :to)
                  and (cast(:organisation as text) is null or j.organisation_id = :organisation)
                  and (cast(:program as uuid) is null
                       or exists (select 1 from outcomes_journey_program p
                                  where p.journey_id = j.journey_id and p.program_id = :program))
                """.formatted(OutcomesQueries.COUNTED);
        List<Row> rows = sql.sql(population)
                            .param("from", from)
                            .param("to", to)
                            .param("organisation", query.organisationId())
                            .param("program", query.programId())
                            .query((rs, n) -> new Row(rs.getObject("journey_id", UUID.class),
                                                      rs.getObject("intake_date", LocalDate.class),
                                                      new Profile(rs.getString("age_band"), rs.getString("gender"),
                                                                  rs.getString("nationality"),
                                                                  rs.getString("form_of_exploitation"),
                                                                  month(rs.getObject("intake_date",
                                                                                     LocalDate.class)))))
                            .list();
        Map<UUID, List<JourneyExport.ExportedMilestone>> milestones = milestones(rows);

        int[] rungs = ExportGeneralisation.rungs(rows.stream().map(Row::profile).toList(), threshold);
        Mac pseudonyms = pseudonyms();
        List<JourneyExport.ExportedJourney> journeys = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rungs[i] == ExportGeneralisation.WITHHELD) {
                continue;
            }
            Row row = rows.get(i);
            Profile published = row.profile().at(rungs[i]);
            journeys.add(new JourneyExport.ExportedJourney(
                    caseRef(pseudonyms, row.journeyId()), published.ageBand(), published.gender(),
                    published.citizenship(), published.exploitation(), published.intakeMonth(),
                    ExportGeneralisation.generalised(rungs[i]),
                    milestones.getOrDefault(row.journeyId(), List.of())));
        }
        journeys.sort(Comparator.comparing(JourneyExport.ExportedJourney::caseRef));
        return new JourneyExport(query.programId(), query.organisationId(), from, to, threshold, journeys);
    }

    /** Each journey's standing milestones in order of time, as months after its intake month. */
    private Map<UUID, List<JourneyExport.ExportedMilestone>> milestones(List<Row> rows) {
        Map<UUID, LocalDate> intakes = new HashMap<>();
        rows.forEach(row -> intakes.put(row.journeyId(), row.intakeDate()));
        Map<UUID, List<JourneyExport.ExportedMilestone>> milestones = new HashMap<>();
        jdbc.query("""
                   select journey_id, type, occurred_on, employment_sector, regular_income
                   from outcomes_export_milestone where journey_id = any(?::uuid[])
                   order by journey_id, occurred_on, type
                   """,
                   rs -> {
                       UUID journeyId = rs.getObject("journey_id", UUID.class);
                       LocalDate occurredOn = rs.getObject("occurred_on", LocalDate.class);
                       milestones.computeIfAbsent(journeyId, j -> new ArrayList<>())
                                 .add(new JourneyExport.ExportedMilestone(
                                         rs.getString("type"), monthsBetween(intakes.get(journeyId), occurredOn),
                                         rs.getString("employment_sector"),
                                         rs.getObject("regular_income", Boolean.class)));
                   },
                   (Object) intakes.keySet().stream().map(UUID::toString).toArray(String[]::new));
        return milestones;
    }

    private static String month(LocalDate day) {
        return Cohorts.label(CohortPeriod.MONTH, day);
    }

    private static int monthsBetween(LocalDate intake, LocalDate day) {
        return Math.toIntExact(ChronoUnit.MONTHS.between(intake.withDayOfMonth(1), day.withDayOfMonth(1)));
    }

    /** An HMAC under a key drawn for this export alone and then forgotten: no one can link it to a journey id. */
    private static Mac pseudonyms() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** 16 hex digits (64 bits): a collision among 100,000 journeys is about one in 3 billion. */
    private static String caseRef(Mac pseudonyms, UUID journeyId) {
        byte[] digest = pseudonyms.doFinal(journeyId.toString().getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(digest, 0, 8);
    }
}
