package org.homeward.command.program;

import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.homeward.program.DefineProgram;
import org.homeward.program.ProgramDefined;
import org.homeward.program.ProgramKind;
import org.homeward.program.ProgramRetired;
import org.homeward.program.ProgramUpdated;
import org.homeward.program.RetireProgram;
import org.homeward.program.UpdateProgram;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProgramTest {

    private final UUID programId = UUID.randomUUID();
    private AggregateTestFixture<Program> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Program.class);
    }

    private ProgramDefined defined() {
        return new ProgramDefined(programId, "org-a", "Synthetic tailoring course", ProgramKind.VOCATIONAL_TRAINING,
                                  12);
    }

    private ProgramUpdated updated() {
        return new ProgramUpdated(programId, "Synthetic sewing course", ProgramKind.VOCATIONAL_TRAINING, null);
    }

    private ProgramRetired retired() {
        return new ProgramRetired(programId, "funding ended");
    }

    private UpdateProgram update() {
        return new UpdateProgram(programId, "Synthetic sewing course", ProgramKind.VOCATIONAL_TRAINING, null);
    }

    private RetireProgram retire() {
        return new RetireProgram(programId, "funding ended");
    }

    @Test
    void definesProgram() {
        fixture.givenNoPriorActivity()
               .when(new DefineProgram(programId, "org-a", "Synthetic tailoring course",
                                       ProgramKind.VOCATIONAL_TRAINING, 12))
               .expectSuccessfulHandlerExecution()
               .expectEvents(defined());
    }

    @Test
    void updatesProgram() {
        fixture.given(defined())
               .when(update())
               .expectSuccessfulHandlerExecution()
               .expectEvents(updated());
    }

    @Test
    void updatesProgramAgain() {
        fixture.given(defined(), updated())
               .when(new UpdateProgram(programId, "Synthetic sewing course", ProgramKind.LIVELIHOOD, 20))
               .expectEvents(new ProgramUpdated(programId, "Synthetic sewing course", ProgramKind.LIVELIHOOD, 20));
    }

    @Test
    void retiresProgram() {
        fixture.given(defined())
               .when(retire())
               .expectSuccessfulHandlerExecution()
               .expectEvents(retired());
    }

    @Test
    void cannotUpdateRetiredProgram() {
        fixture.given(defined(), retired())
               .when(update())
               .expectException(ProgramRetiredException.class)
               .expectNoEvents();
    }

    @Test
    void cannotRetireProgramTwice() {
        fixture.given(defined(), retired())
               .when(retire())
               .expectException(ProgramRetiredException.class)
               .expectNoEvents();
    }
}
