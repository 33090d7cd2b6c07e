package org.homeward.command.journey;

import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.homeward.journey.CloseJourney;
import org.homeward.journey.CorrectMilestone;
import org.homeward.journey.OpenJourney;
import org.homeward.journey.Profile;
import org.homeward.journey.RecordMilestone;
import org.homeward.journey.RetractMilestone;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Records what happens in a journey. Every answer carries the journey's new version (body and ETag), which a
 * client passes back as {@code minVersion} to read a timeline that includes its own write.
 */
@RestController
@RequestMapping("/api/v1/journeys")
class JourneyController {

    private final CommandGateway commands;
    private final Clock clock;

    JourneyController(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<Recorded> open(@Valid @RequestBody JourneyRequests.Open request) {
        UUID journeyId = UUID.randomUUID();
        JourneyRequests.Profile p = request.profile();
        commands.sendAndWait(new OpenJourney(journeyId, request.organisationId(), request.caseManagerId(),
                                             request.intakeDate(),
                                             new Profile(p.ageBand(), p.gender(), p.nationality(),
                                                         p.formOfExploitation()),
                                             clock.instant()));
        Recorded recorded = new Recorded(journeyId, null, 0);
        return ResponseEntity.created(URI.create("/api/v1/journeys/" + journeyId + "/timeline"))
                             .eTag(recorded.eTag())
                             .body(recorded);
    }

    @PostMapping("/{journeyId}/milestones")
    ResponseEntity<Recorded> recordMilestone(@PathVariable UUID journeyId,
                                             @Valid @RequestBody JourneyRequests.Milestone request) {
        UUID milestoneId = UUID.randomUUID();
        long version = commands.sendAndWait(new RecordMilestone(journeyId, milestoneId, request.type(),
                                                                request.occurredOn(), request.note(),
                                                                clock.instant()));
        Recorded recorded = new Recorded(journeyId, milestoneId, version);
        return ResponseEntity.created(URI.create("/api/v1/journeys/" + journeyId + "/timeline"))
                             .eTag(recorded.eTag())
                             .body(recorded);
    }

    @PostMapping("/{journeyId}/milestones/{milestoneId}/corrections")
    ResponseEntity<Recorded> correctMilestone(@PathVariable UUID journeyId, @PathVariable UUID milestoneId,
                                              @Valid @RequestBody JourneyRequests.Correction request) {
        long version = commands.sendAndWait(new CorrectMilestone(journeyId, milestoneId, request.type(),
                                                                 request.occurredOn(), request.note(),
                                                                 request.reason(), clock.instant()));
        return ok(new Recorded(journeyId, milestoneId, version));
    }

    @PostMapping("/{journeyId}/milestones/{milestoneId}/retraction")
    ResponseEntity<Recorded> retractMilestone(@PathVariable UUID journeyId, @PathVariable UUID milestoneId,
                                              @Valid @RequestBody JourneyRequests.Retraction request) {
        long version = commands.sendAndWait(new RetractMilestone(journeyId, milestoneId, request.reason()));
        return ok(new Recorded(journeyId, milestoneId, version));
    }

    @PostMapping("/{journeyId}/closure")
    ResponseEntity<Recorded> close(@PathVariable UUID journeyId,
                                   @Valid @RequestBody JourneyRequests.Closure request) {
        long version = commands.sendAndWait(new CloseJourney(journeyId, request.closedOn(), request.reason(),
                                                             request.note(), clock.instant()));
        return ok(new Recorded(journeyId, null, version));
    }

    private static ResponseEntity<Recorded> ok(Recorded recorded) {
        return ResponseEntity.ok().eTag(recorded.eTag()).body(recorded);
    }
}
