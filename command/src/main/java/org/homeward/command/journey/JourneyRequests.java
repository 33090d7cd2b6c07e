package org.homeward.command.journey;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.homeward.access.Ids;
import org.homeward.journey.ClosureReason;
import org.homeward.journey.ConsentPurpose;
import org.homeward.journey.ContactDetail;
import org.homeward.journey.FollowUpPurpose;
import org.homeward.journey.MilestoneOutcome.EmploymentSector;
import org.homeward.journey.MilestoneType;
import org.homeward.journey.Profile.AgeBand;
import org.homeward.journey.Profile.FormOfExploitation;
import org.homeward.journey.Profile.Gender;
import org.homeward.journey.ReferralClosedUnmet;
import org.homeward.journey.ReferralCompleted;
import org.homeward.journey.ReferralDeclined;
import org.homeward.journey.ReferralMade;
import org.homeward.journey.ReferralReceived;
import org.homeward.journey.ReferralService;
import org.homeward.journey.RiskKind;

/**
 * Request bodies of the journey endpoints, with the limits every client is held to. Free text and personal
 * details are sealed by the controller before they go anywhere; records that carry them do not print them.
 */
final class JourneyRequests {

    static final String ID = Ids.ID;
    static final String ID_MESSAGE = Ids.ID_RULE;
    static final int NOTE_LIMIT = 2000;
    static final int REASON_LIMIT = 500;

    private JourneyRequests() {
    }

    @Schema(name = "OpenJourneyRequest")
    record Open(@NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String organisationId,
                @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String caseManagerId,
                @NotNull LocalDate intakeDate,
                @NotNull @Valid Profile profile,
                @Valid Person person,
                Set<@NotNull ConsentPurpose> consentGiven,
                @Valid ReferredIn referredIn) {

        Set<ConsentPurpose> consents() {
            return consentGiven == null ? Set.of() : consentGiven;
        }
    }

    /** Who the person is; sealed under their own key before it enters any event. */
    @Schema(name = "PersonRequest")
    record Person(@Size(max = 200) String fullName,
                  @Size(max = 50) String phone,
                  @Size(max = 200) String email,
                  LocalDate dateOfBirth) {

        @Override
        public String toString() {
            return "Person[...]";
        }
    }

    @Schema(name = "ProfileRequest")
    record Profile(@NotNull AgeBand ageBand,
                   @NotNull Gender gender,
                   @NotNull @CountryCode String nationality,
                   @NotNull FormOfExploitation formOfExploitation) {
    }

    /**
     * @param programId required for the program milestones of the catalogue, allowed for any milestone
     * @param outcome   required for employment and drop-out milestones, refused for others
     */
    @Schema(name = "MilestoneRequest")
    record Milestone(@NotNull MilestoneType type,
                     @NotNull LocalDate occurredOn,
                     @Size(max = NOTE_LIMIT) String note,
                     UUID programId,
                     @Valid Outcome outcome) {

        @Override
        public String toString() {
            return "Milestone[...]";
        }
    }

    @Schema(name = "OutcomeRequest")
    record Outcome(EmploymentSector employmentSector,
                   Boolean regularIncome,
                   @Size(max = REASON_LIMIT) String dropOutReason) {

        @Override
        public String toString() {
            return "Outcome[...]";
        }
    }

    @Schema(name = "CorrectionRequest")
    record Correction(@NotNull MilestoneType type,
                      @NotNull LocalDate occurredOn,
                      @Size(max = NOTE_LIMIT) String note,
                      UUID programId,
                      @Valid Outcome outcome,
                      @NotBlank @Size(max = REASON_LIMIT) String reason) {

        @Override
        public String toString() {
            return "Correction[...]";
        }
    }

    @Schema(name = "RetractionRequest")
    record Retraction(@NotBlank @Size(max = REASON_LIMIT) String reason) {

        @Override
        public String toString() {
            return "Retraction[...]";
        }
    }

    @Schema(name = "ClosureRequest")
    record Closure(@NotNull ClosureReason reason,
                   @NotNull LocalDate closedOn,
                   @Size(max = NOTE_LIMIT) String note) {

        @Override
        public String toString() {
            return "Closure[...]";
        }
    }

    @Schema(name = "ReopeningRequest")
    record Reopening(@NotNull LocalDate reopenedOn,
                     @NotBlank @Size(max = REASON_LIMIT) String reason) {

        @Override
        public String toString() {
            return "Reopening[...]";
        }
    }

    /**
     * @param decidedOn     the day the person gave the consent
     * @param sharedDetails for sharing with a partner: the contact details the person agreed it may see
     */
    @Schema(name = "ConsentRequest")
    record Consent(@NotNull ConsentPurpose purpose,
                   @Pattern(regexp = ID, message = ID_MESSAGE) String partnerOrganisationId,
                   @NotNull LocalDate decidedOn,
                   Set<@NotNull ContactDetail> sharedDetails) {

        Set<ContactDetail> details() {
            return sharedDetails == null ? Set.of() : sharedDetails;
        }
    }

    /** @param decidedOn the day the person withdrew the consent */
    @Schema(name = "ConsentWithdrawalRequest")
    record ConsentWithdrawal(@NotNull ConsentPurpose purpose,
                             @Pattern(regexp = ID, message = ID_MESSAGE) String partnerOrganisationId,
                             @NotNull LocalDate decidedOn) {
    }

    /**
     * @param note            for the partner; sealed under the person's key
     * @param consentOverride only from a supervisor, only when the person's consent to share is not in force
     */
    @Schema(name = "ReferralRequest")
    record Referral(@NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String partnerOrganisationId,
                    @NotNull ReferralService service,
                    @NotNull LocalDate madeOn,
                    @NotNull LocalDate dueOn,
                    @Size(max = NOTE_LIMIT) String note,
                    @Valid ConsentOverride consentOverride) {

        @Override
        public String toString() {
            return "Referral[...]";
        }
    }

    @Schema(name = "ConsentOverrideRequest")
    record ConsentOverride(@NotNull ReferralMade.ConsentOverride.OverrideReason reason,
                           @NotBlank @Size(max = REASON_LIMIT) String note) {

        @Override
        public String toString() {
            return "ConsentOverride[...]";
        }
    }

    /**
     * A referral from outside: one made on Homeward to the journey's organisation, named by its id, or one
     * recorded by hand (a phone call, a letter, ...), naming the referring organisation's code when there is one.
     */
    @Schema(name = "ReferredInRequest")
    record ReferredIn(@NotNull LocalDate receivedOn,
                      @NotNull ReferralReceived.Source source,
                      UUID referralId,
                      @Pattern(regexp = ID, message = ID_MESSAGE) String fromOrganisationId) {
    }

    @Schema(name = "ReferralRevocationRequest")
    record Revocation(@NotNull LocalDate revokedOn) {
    }

    @Schema(name = "AssignmentRequest")
    record Assignment(@NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String caseManagerId,
                      @NotBlank @Size(max = REASON_LIMIT) String reason) {

        @Override
        public String toString() {
            return "Assignment[...]";
        }
    }

    @Schema(name = "TransferRequest")
    record Transfer(@NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String organisationId,
                    @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String caseManagerId,
                    @NotBlank @Size(max = REASON_LIMIT) String reason) {

        @Override
        public String toString() {
            return "Transfer[...]";
        }
    }

    @Schema(name = "FollowUpRequest")
    record FollowUp(@NotNull LocalDate dueOn,
                    @NotNull FollowUpPurpose purpose) {
    }

    @Schema(name = "FollowUpCompletionRequest")
    record FollowUpCompletion(@NotNull LocalDate completedOn,
                              @Size(max = NOTE_LIMIT) String note) {

        @Override
        public String toString() {
            return "FollowUpCompletion[...]";
        }
    }

    @Schema(name = "FollowUpMissedRequest")
    record FollowUpMissed(@NotBlank @Size(max = REASON_LIMIT) String reason) {

        @Override
        public String toString() {
            return "FollowUpMissed[...]";
        }
    }

    /** A risk to the person; the detail is sealed under their key and erased with them. */
    @Schema(name = "RiskFlagRequest")
    record RiskFlag(@NotNull RiskKind kind,
                    @NotNull LocalDate flaggedOn,
                    @NotNull LocalDate reviewOn,
                    @Size(max = NOTE_LIMIT) String detail) {

        @Override
        public String toString() {
            return "RiskFlag[...]";
        }
    }

    @Schema(name = "RiskFlagResolutionRequest")
    record RiskFlagResolution(@NotNull LocalDate resolvedOn,
                              @NotBlank @Size(max = REASON_LIMIT) String reason) {

        @Override
        public String toString() {
            return "RiskFlagResolution[...]";
        }
    }

    @Schema(name = "ReferralAcceptanceRequest")
    record Acceptance(@NotNull LocalDate acceptedOn) {
    }

    @Schema(name = "ReferralDeclineRequest")
    record Decline(@NotNull LocalDate declinedOn, @NotNull ReferralDeclined.DeclineReason reason) {
    }

    @Schema(name = "ReferralStartRequest")
    record Start(@NotNull LocalDate startedOn) {
    }

    @Schema(name = "ReferralCompletionRequest")
    record Completion(@NotNull LocalDate completedOn, @NotNull ReferralCompleted.ReferralOutcome outcome) {
    }

    @Schema(name = "ReferralUnmetClosureRequest")
    record UnmetClosure(@NotNull LocalDate closedOn, @NotNull ReferralClosedUnmet.UnmetReason reason) {
    }

    @Schema(name = "AssessmentRequest")
    record Assessment(@NotNull LocalDate assessedOn,
                      @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String assessorId,
                      @NotNull @Valid Scores scores) {
    }

    @Schema(name = "ErasureRequest")
    record Erasure(@NotNull LocalDate requestedOn) {
    }

    /** Each dimension 1 (very low) to 5 (very high); see {@link org.homeward.journey.ReintegrationScores}. */
    @Schema(name = "ScoresRequest")
    record Scores(@NotNull Integer economic, @NotNull Integer social, @NotNull Integer psychosocial) {
    }
}
