package org.homeward.command.program;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.homeward.program.DefineProgram;
import org.homeward.program.ProgramDefined;
import org.homeward.program.ProgramRetired;
import org.homeward.program.ProgramUpdated;
import org.homeward.program.RetireProgram;
import org.homeward.program.UpdateProgram;

/** A service program of one organisation that journeys' milestones can name while it is active. */
@Aggregate
public class Program {

    @AggregateIdentifier
    private UUID programId;
    private boolean retired;

    protected Program() {
        // required by Axon to source the aggregate from its events
    }

    @CommandHandler
    public Program(DefineProgram command) {
        apply(new ProgramDefined(command.programId(), command.organisationId(), command.name(), command.kind(),
                                 command.capacity()));
    }

    @CommandHandler
    public void handle(UpdateProgram command) {
        requireActive();
        apply(new ProgramUpdated(programId, command.name(), command.kind(), command.capacity()));
    }

    @CommandHandler
    public void handle(RetireProgram command) {
        requireActive();
        apply(new ProgramRetired(programId, command.reason()));
    }

    private void requireActive() {
        if (retired) {
            throw new ProgramRetiredException(programId);
        }
    }

    @EventSourcingHandler
    void on(ProgramDefined event) {
        programId = event.programId();
    }

    @EventSourcingHandler
    void on(ProgramRetired event) {
        retired = true;
    }
}
