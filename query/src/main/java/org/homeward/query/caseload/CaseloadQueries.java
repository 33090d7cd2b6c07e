package org.homeward.query.caseload;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.axonframework.queryhandling.QueryHandler;
import org.homeward.journey.Caseload;
import org.homeward.journey.FindCaseload;
import org.homeward.journey.FollowUpPurpose;
import org.homeward.journey.MilestoneType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Answers caseload queries from the caseload tables, sorting and paging in the database. */
@Component
class CaseloadQueries {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final Clock clock;

    CaseloadQueries(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        // the count and the page must see one state of the projection, or the total could disagree with the page
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.clock = clock;
    }

    /** An unknown case manager has an empty caseload. */
    @QueryHandler
    Caseload handle(FindCaseload query) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return snapshot.execute(tx -> read(query, today));
    }

    private Caseload read(FindCaseload query, LocalDate today) {
        Long total = jdbc.queryForObject("select count(*) from caseload_journey where case_manager_id = ? and not closed",
                                         Long.class, query.caseManagerId());
        // ascending due date puts the overdue first, longest overdue first; the order matches the index's
        List<Caseload.Entry> entries = jdbc.query("""
                 select journey_id, organisation_id, intake_date, last_milestone_id, last_milestone_type,
                     last_milestone_on, next_follow_up_id, next_follow_up_due_on, next_follow_up_purpose, version
                 from caseload_journey
                 where case_manager_id = ? and not closed
                 order by next_follow_up_due_on nulls last, intake_date, journey_id
                 limit ? offset ?
                 """,
                 (rs, row) -> entry(rs, today),
                 query.caseManagerId(), query.size(), (long) query.page() * query.size());
        return new Caseload(query.caseManagerId(), query.page(), query.size(), total == null ? 0 : total, entries);
    }

    private static Caseload.Entry entry(ResultSet rs, LocalDate today) throws SQLException {
        String lastType = rs.getString("last_milestone_type");
        Caseload.LastMilestone lastMilestone =
                lastType == null ? null
                                 : new Caseload.LastMilestone(rs.getObject("last_milestone_id", UUID.class),
                                                              MilestoneType.valueOf(lastType),
                                                              rs.getObject("last_milestone_on", LocalDate.class));
        LocalDate dueOn = rs.getObject("next_follow_up_due_on", LocalDate.class);
        Caseload.NextFollowUp nextFollowUp =
                dueOn == null ? null
                              : new Caseload.NextFollowUp(rs.getObject("next_follow_up_id", UUID.class), dueOn,
                                                          FollowUpPurpose.valueOf(rs.getString("next_follow_up_purpose")));
        return new Caseload.Entry(rs.getObject("journey_id", UUID.class),
                                  rs.getString("organisation_id"),
                                  rs.getObject("intake_date", LocalDate.class),
                                  lastMilestone == null ? null : lastMilestone.type().area(),
                                  lastMilestone,
                                  nextFollowUp,
                                  dueOn != null && dueOn.isBefore(today),
                                  rs.getLong("version"));
    }
}
