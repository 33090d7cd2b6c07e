package org.homeward.command.journey;

import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.homeward.journey.CaseManagerAssigned;
import org.homeward.journey.JourneyOpened;
import org.homeward.journey.JourneyTransferred;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Whose journey each is: organisation and case manager, as the access rules need them before a command. */
@Component
@ProcessingGroup("journey-directory")
class JourneyDirectory {

    record Owner(String organisationId, String caseManagerId) {
    }

    private final JdbcTemplate jdbc;

    JourneyDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Owner> owner(UUID journeyId) {
        return jdbc.query("select organisation_id, case_manager_id from journey_directory where journey_id = ?",
                          (rs, row) -> new Owner(rs.getString(1), rs.getString(2)), journeyId).stream().findFirst();
    }

    @EventHandler
    void on(JourneyOpened event) {
        jdbc.update("insert into journey_directory values (?, ?, ?) on conflict (journey_id) do nothing",
                    event.journeyId(), event.organisationId(), event.caseManagerId());
    }

    @EventHandler
    void on(CaseManagerAssigned event) {
        jdbc.update("update journey_directory set case_manager_id = ? where journey_id = ?", event.caseManagerId(),
                    event.journeyId());
    }

    @EventHandler
    void on(JourneyTransferred event) {
        jdbc.update("update journey_directory set organisation_id = ?, case_manager_id = ? where journey_id = ?",
                    event.toOrganisationId(), event.caseManagerId(), event.journeyId());
    }
}
