package org.homeward.command.program;

import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.homeward.event.Ignores;
import org.homeward.journey.JourneyEvent;
import org.homeward.program.ProgramDefined;
import org.homeward.program.ProgramRetired;
import org.homeward.program.ProgramStanding;
import org.homeward.program.ProgramUpdated;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which programs exist, whose they are and whether they are active, as the journey's rules need it when a
 * milestone names a program. Kept by a subscribing processor, in the same transaction as the program's own
 * events, so it is never behind the programs it describes.
 */
@Ignores(value = {JourneyEvent.class, ProgramUpdated.class},
         why = "the rules ask whose a program is and whether it is active; its name, kind and capacity decide nothing")
@Component
@ProcessingGroup(ProgramCatalogue.NAME)
public class ProgramCatalogue {

    static final String NAME = "program-catalogue";

    private final JdbcTemplate jdbc;

    ProgramCatalogue(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ProgramStanding> find(UUID programId) {
        return jdbc.query("select organisation_id, active from program_catalogue where program_id = ?",
                          (rs, row) -> new ProgramStanding(programId, rs.getString(1), rs.getBoolean(2)),
                          programId).stream().findFirst();
    }

    @EventHandler
    void on(ProgramDefined event) {
        jdbc.update("insert into program_catalogue (program_id, organisation_id, active) values (?, ?, true)"
                    + " on conflict (program_id) do nothing",
                    event.programId(), event.organisationId());
    }

    @EventHandler
    void on(ProgramRetired event) {
        jdbc.update("update program_catalogue set active = false where program_id = ?", event.programId());
    }
}
