package org.homeward.command.journey;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.homeward.journey.CloseJourney;
import org.homeward.journey.CorrectMilestone;
import org.homeward.journey.JourneyClosed;
import org.homeward.journey.JourneyOpened;
import org.homeward.journey.MilestoneCorrected;
import org.homeward.journey.MilestoneRecorded;
import org.homeward.journey.MilestoneRetracted;
import org.homeward.journey.OpenJourney;
import org.homeward.journey.RecordMilestone;
import org.homeward.journey.RetractMilestone;

/**
 * One survivor's journey in one organisation. Command handlers decide and answer the journey's new version;
 * event-sourcing handlers are the only place state changes.
 */
@Aggregate
public class Journey {

    /**
     * A date is in the future only if it has not yet begun anywhere on Earth: the last time zone to reach a date
     * is UTC+14, so a case manager east of UTC can record what happened today before it is today in UTC.
     */
    private static final ZoneOffset LATEST_ZONE = ZoneOffset.ofHours(14);

    @AggregateIdentifier
    private UUID journeyId;
    private LocalDate intakeDate;
    private boolean closed;
    private final Map<UUID, Boolean> milestoneRetracted = new HashMap<>();
    private long version;

    protected Journey() {
        // required by Axon to source the aggregate from its events
    }

    @CommandHandler
    public Journey(OpenJourney command) {
        requireNotInFuture("intakeDate", command.intakeDate(), command.requestedAt());
        apply(new JourneyOpened(command.journeyId(), command.organisationId(), command.caseManagerId(),
                                command.intakeDate(), command.profile()));
    }

    @CommandHandler
    public long handle(RecordMilestone command) {
        requireOpen();
        requireNotInFuture("occurredOn", command.occurredOn(), command.requestedAt());
        if (milestoneRetracted.containsKey(command.milestoneId())) {
            throw new MilestoneAlreadyRecordedException(command.milestoneId());
        }
        apply(new MilestoneRecorded(journeyId, command.milestoneId(), command.type(), command.occurredOn(),
                                    command.note()));
        return version;
    }

    @CommandHandler
    public long handle(CorrectMilestone command) {
        requireOpen();
        requireStanding(command.milestoneId());
        requireNotInFuture("occurredOn", command.occurredOn(), command.requestedAt());
        apply(new MilestoneCorrected(journeyId, command.milestoneId(), command.type(), command.occurredOn(),
                                     command.note(), command.reason()));
        return version;
    }

    @CommandHandler
    public long handle(RetractMilestone command) {
        requireOpen();
        requireStanding(command.milestoneId());
        apply(new MilestoneRetracted(journeyId, command.milestoneId(), command.reason()));
        return version;
    }

    @CommandHandler
    public long handle(CloseJourney command) {
        requireOpen();
        requireNotInFuture("closedOn", command.closedOn(), command.requestedAt());
        if (command.closedOn().isBefore(intakeDate)) {
            throw new DateBeforeIntakeException("closedOn");
        }
        apply(new JourneyClosed(journeyId, command.closedOn(), command.reason(), command.note()));
        return version;
    }

    private void requireOpen() {
        if (closed) {
            throw new JourneyClosedException(journeyId);
        }
    }

    private void requireStanding(UUID milestoneId) {
        Boolean retracted = milestoneRetracted.get(milestoneId);
        if (retracted == null) {
            throw new UnknownMilestoneException(milestoneId);
        }
        if (retracted) {
            throw new MilestoneRetractedException(milestoneId);
        }
    }

    private static void requireNotInFuture(String field, LocalDate date, Instant now) {
        if (date.isAfter(LocalDate.ofInstant(now, LATEST_ZONE))) {
            throw new DateInFutureException(field);
        }
    }

    @EventSourcingHandler
    void on(JourneyOpened event, @SequenceNumber long sequenceNumber) {
        journeyId = event.journeyId();
        intakeDate = event.intakeDate();
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(MilestoneRecorded event, @SequenceNumber long sequenceNumber) {
        milestoneRetracted.put(event.milestoneId(), false);
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(MilestoneCorrected event, @SequenceNumber long sequenceNumber) {
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(MilestoneRetracted event, @SequenceNumber long sequenceNumber) {
        milestoneRetracted.put(event.milestoneId(), true);
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(JourneyClosed event, @SequenceNumber long sequenceNumber) {
        closed = true;
        version = sequenceNumber;
    }
}
