package org.homeward.journey;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record ScheduleFollowUp(@TargetAggregateIdentifier UUID journeyId, UUID followUpId, LocalDate dueOn,
                               FollowUpPurpose purpose, @TargetAggregateVersion Long expectedVersion)
        implements JourneyCommand {
}
