package org.homeward.query.caseload;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.queryhandling.QueryHandler;
import org.homeward.journey.Caseload;
import org.homeward.journey.FindCaseload;
import org.homeward.journey.FollowUpPurpose;
import org.homeward.journey.MilestoneType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers caseload queries from the caseload tables, sorting and paging in the database. */
@Component
class CaseloadQueries {

    private final JdbcClient sql;
    private final Clock clock;

    CaseloadQueries(JdbcTemplate jdbc, Clock clock) {
        this.sql = JdbcClient.create(jdbc);
        this.clock = clock;
    }

    /**
     * The total and the page come from one statement, hence from one snapshot, so they always agree. A
     * REPEATABLE READ transaction template would not give that here: the query bus already runs the handler in
     * a READ COMMITTED transaction, which the template would join, its isolation level ignored.
     */
    @QueryHandler
    Caseload handle(FindCaseload query) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<Caseload.Entry> entries = new ArrayList<>();
        long[] total = {0};
        // flagged first; ascending dates put the overdue first, longest overdue first; the page's order is the index's
        sql.sql("""
               select counted.total, page.*
               from (select count(*) as total from caseload_journey
                     where case_manager_id = :caseManager and organisation_id = :organisation and not closed) counted
               left join (select journey_id, organisation_id, intake_date, last_milestone_id,
                              last_milestone_type, last_milestone_on, next_follow_up_id, next_follow_up_due_on,
                              next_follow_up_purpose, version, open_risk_flags, next_risk_review_on
                          from caseload_journey
                          where case_manager_id = :caseManager and organisation_id = :organisation and not closed
                          order by open_risk_flags = 0, next_risk_review_on, next_follow_up_due_on nulls last,
                                   intake_date, journey_id
                          limit :size offset :offset) page on true
               order by page.open_risk_flags = 0, page.next_risk_review_on, page.next_follow_up_due_on nulls last,
                        page.intake_date, page.journey_id
               """)
           .param("caseManager", query.caseManagerId())
           .param("organisation", query.organisationId())
           .param("size", query.size())
           .param("offset", (long) query.page() * query.size())
           .query(rs -> {
               total[0] = rs.getLong("total");
               if (rs.getObject("journey_id") != null) {
                   entries.add(entry(rs, today));
               }
           });
        return new Caseload(query.caseManagerId(), query.page(), query.size(), total[0], entries);
    }

    private static Caseload.RiskFlags riskFlags(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate reviewOn = rs.getObject("next_risk_review_on", LocalDate.class);
        return new Caseload.RiskFlags(rs.getInt("open_risk_flags"), reviewOn,
                                      reviewOn != null && reviewOn.isBefore(today));
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
                                                          FollowUpPurpose.valueOf(
                                                                  rs.getString("next_follow_up_purpose")));
        return new Caseload.Entry(rs.getObject("journey_id", UUID.class),
                                  rs.getString("organisation_id"),
                                  rs.getObject("intake_date", LocalDate.class),
                                  lastMilestone == null ? null : lastMilestone.type().area(),
                                  lastMilestone,
                                  nextFollowUp,
                                  dueOn != null && dueOn.isBefore(today),
                                  rs.getLong("version"),
                                  riskFlags(rs, today));
    }
}
