package org.homeward.query.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.homeward.program.FindPrograms;
import org.homeward.program.ProgramDefined;
import org.homeward.program.ProgramKind;
import org.homeward.program.ProgramRetired;
import org.homeward.program.ProgramSummary;
import org.homeward.program.ProgramUpdated;
import org.homeward.query.support.GivenEvents;
import org.homeward.query.support.ReadModelDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Given programs' events, the program list answers each organisation's programs, retired ones on request. */
class ProgramsProjectionTest {

    private static JdbcTemplate jdbc;
    private static ProgramsProjection programs;
    private static GivenEvents events;

    @BeforeAll
    static void database() {
        jdbc = ReadModelDatabase.fresh();
        programs = new ProgramsProjection(jdbc);
        events = new GivenEvents(programs);
    }

    @Test
    void eachOrganisationsProgramsByNameWithTheirLatestDefinition() {
        UUID tailoring = UUID.randomUUID();
        UUID bakery = UUID.randomUUID();
        UUID retired = UUID.randomUUID();
        UUID elsewhere = UUID.randomUUID();
        events.given(new ProgramDefined(tailoring, "org-p1", "Tailoring", ProgramKind.VOCATIONAL_TRAINING, 12),
                     new ProgramDefined(bakery, "org-p1", "Bakery", ProgramKind.VOCATIONAL_TRAINING, null),
                     new ProgramDefined(retired, "org-p1", "Evening classes", ProgramKind.EDUCATION, 20),
                     new ProgramDefined(elsewhere, "org-p2", "Literacy", ProgramKind.EDUCATION, 30),
                     new ProgramUpdated(tailoring, "Tailoring and design", ProgramKind.VOCATIONAL_TRAINING, 15),
                     new ProgramRetired(retired, "sealed"));

        assertThat(programs.handle(new FindPrograms("org-p1", false))).containsExactly(
                new ProgramSummary(bakery, "org-p1", "Bakery", ProgramKind.VOCATIONAL_TRAINING, null, true),
                new ProgramSummary(tailoring, "org-p1", "Tailoring and design", ProgramKind.VOCATIONAL_TRAINING, 15,
                                   true));
        assertThat(ids(programs.handle(new FindPrograms("org-p1", true)))).containsExactly(bakery, retired, tailoring);
        assertThat(ids(programs.handle(new FindPrograms(null, false)))).contains(bakery, tailoring, elsewhere)
                                                                        .doesNotContain(retired);
    }

    @Test
    void aDefinitionDeliveredAgainChangesNothing() {
        UUID program = UUID.randomUUID();
        ProgramDefined defined = new ProgramDefined(program, "org-p3", "Mentoring", ProgramKind.EDUCATION, 5);
        events.given(defined, new ProgramUpdated(program, "Peer mentoring", ProgramKind.EDUCATION, 8));

        events.given(defined);

        assertThat(programs.handle(new FindPrograms("org-p3", false)))
                .extracting(ProgramSummary::name).containsExactly("Peer mentoring");
    }

    private static List<UUID> ids(List<ProgramSummary> found) {
        return found.stream().map(ProgramSummary::programId).toList();
    }
}
