package org.homeward.query.programs;

import java.util.List;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.homeward.event.Ignores;
import org.homeward.journey.JourneyEvent;
import org.homeward.program.FindPrograms;
import org.homeward.program.ProgramDefined;
import org.homeward.program.ProgramKind;
import org.homeward.program.ProgramRetired;
import org.homeward.program.ProgramSummary;
import org.homeward.program.ProgramUpdated;
import org.homeward.query.ProjectionWrites;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The programs organisations run, for forms and for evaluators' filters. Each event sets a whole row's state. */
@Ignores(value = JourneyEvent.class, why = "the program list knows programs, not journeys")
@Component
@ProcessingGroup("programs")
class ProgramsProjection {

    private final JdbcTemplate jdbc;
    private final ProjectionWrites writes;

    ProgramsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writes = new ProjectionWrites(jdbc, null);
    }

    @EventHandler
    void on(ProgramDefined event) {
        writes.write("""
                     insert into programs_program (program_id, organisation_id, name, kind, capacity, active)
                     values (?, ?, ?, ?, ?, true)
                     on conflict (program_id) do nothing
                     """,
                     event.programId(), event.organisationId(), event.name(), event.kind().name(), event.capacity());
    }

    @EventHandler
    void on(ProgramUpdated event) {
        writes.write("update programs_program set name = ?, kind = ?, capacity = ? where program_id = ?",
                     event.name(), event.kind().name(), event.capacity(), event.programId());
    }

    @EventHandler
    void on(ProgramRetired event) {
        writes.write("update programs_program set active = false where program_id = ?", event.programId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from programs_program");
    }

    @QueryHandler
    List<ProgramSummary> handle(FindPrograms query) {
        return jdbc.query("""
                          select * from programs_program
                          where (cast(? as text) is null or organisation_id = ?) and (active or ?)
                          order by organisation_id, name
                          """,
                          (rs, row) -> new ProgramSummary(rs.getObject("program_id", UUID.class),
                                                          rs.getString("organisation_id"), rs.getString("name"),
                                                          ProgramKind.valueOf(rs.getString("kind")),
                                                          rs.getObject("capacity", Integer.class),
                                                          rs.getBoolean("active")),
                          query.organisationId(), query.organisationId(), query.includeRetired());
    }
}
