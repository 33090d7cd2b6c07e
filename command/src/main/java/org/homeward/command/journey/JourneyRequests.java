package org.homeward.command.journey;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.homeward.journey.ClosureReason;
import org.homeward.journey.MilestoneType;
import org.homeward.journey.Profile.AgeBand;
import org.homeward.journey.Profile.FormOfExploitation;
import org.homeward.journey.Profile.Gender;

/** Request bodies of the journey endpoints, with the limits every client is held to. */
final class JourneyRequests {

    /** Ids of organisations and staff come from the identity provider; they are codes, never names. */
    private static final String ID = "[A-Za-z0-9][A-Za-z0-9._:@-]{0,63}";
    private static final String ID_MESSAGE = "must be 1 to 64 letters, digits or . _ : @ -";
    static final int NOTE_LIMIT = 2000;
    static final int REASON_LIMIT = 500;

    private JourneyRequests() {
    }

    record Open(@NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String organisationId,
                @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String caseManagerId,
                @NotNull LocalDate intakeDate,
                @NotNull @Valid Profile profile) {
    }

    record Profile(@NotNull AgeBand ageBand,
                   @NotNull Gender gender,
                   @NotNull @CountryCode String nationality,
                   @NotNull FormOfExploitation formOfExploitation) {
    }

    record Milestone(@NotNull MilestoneType type,
                     @NotNull LocalDate occurredOn,
                     @Size(max = NOTE_LIMIT) String note) {
    }

    record Correction(@NotNull MilestoneType type,
                      @NotNull LocalDate occurredOn,
                      @Size(max = NOTE_LIMIT) String note,
                      @NotBlank @Size(max = REASON_LIMIT) String reason) {
    }

    record Retraction(@NotBlank @Size(max = REASON_LIMIT) String reason) {
    }

    record Closure(@NotNull ClosureReason reason,
                   @NotNull LocalDate closedOn,
                   @Size(max = NOTE_LIMIT) String note) {
    }
}
