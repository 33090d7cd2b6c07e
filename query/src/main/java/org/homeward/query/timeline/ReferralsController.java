package org.homeward.query.timeline;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.homeward.access.Caller;
import org.homeward.access.Ids;
import org.homeward.journey.PartnerReferral;
import org.homeward.query.audit.AuditReads;
import org.homeward.refusal.NotVisibleException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The referrals made to the caller's organisation, as its case managers and supervisors see them
 * ({@link PartnerReferrals} says what that is). Each referral shown is a read of the person's journey, recorded
 * in the read audit like a timeline read, before the answer leaves; for anyone else a referral does not exist.
 */
@RestController
@Tag(name = "referrals")
@RequestMapping("/api/v1/referrals")
class ReferralsController {

    private final PartnerReferrals referrals;
    private final AuditReads reads;

    ReferralsController(PartnerReferrals referrals, AuditReads reads) {
        this.referrals = referrals;
        this.reads = reads;
    }

    /**
     * @param page 0 for the first page
     * @param size entries per page, 1 to 100; out of range is refused, never silently clamped
     */
    @Operation(summary = "The referrals made to one's organisation, the latest first")
    @Parameter(name = "X-Request-Id", in = ParameterIn.HEADER, description = "Kept with the reads in the read audit",
               schema = @Schema(type = "string", pattern = "^[A-Za-z0-9._:-]{1,64}$"))
    @GetMapping
    PartnerReferral.Page list(HttpServletRequest request,
                              @RequestParam(defaultValue = "0") @Min(value = 0, message = "must be 0 or more") int page,
                              @RequestParam(defaultValue = "20") @Min(value = 1, message = "must be from 1 to 100")
                              @Max(value = 100, message = "must be from 1 to 100") int size) {
        Caller caller = Caller.onRequest(request::getAttribute);
        String organisationId = caller.organisationId();
        List<PartnerReferrals.Shown> shown = referrals.madeTo(organisationId, page, size);
        shown.forEach(each -> recordRead(request, caller, each.journeyId(), each.referral().referralId()));
        return new PartnerReferral.Page(page, size, referrals.countMadeTo(organisationId),
                                        shown.stream().map(PartnerReferrals.Shown::referral).toList());
    }

    @Operation(summary = "One referral made to one's organisation")
    @Parameter(name = "X-Request-Id", in = ParameterIn.HEADER, description = "Kept with the read in the read audit",
               schema = @Schema(type = "string", pattern = "^[A-Za-z0-9._:-]{1,64}$"))
    @GetMapping("/{referralId}")
    PartnerReferral referral(@PathVariable UUID referralId, HttpServletRequest request) {
        Caller caller = Caller.onRequest(request::getAttribute);
        PartnerReferrals.Addressee addressee = referrals.addressee(referralId)
                                                        .orElseThrow(() -> new NotVisibleException(referralId));
        // recorded before it is decided, as a timeline read is: a refused attempt is a fact auditors need
        recordRead(request, caller, addressee.journeyId(), referralId);
        if (!caller.staffOf(addressee.partnerOrganisationId())) {
            throw new NotVisibleException(referralId);
        }
        return referrals.find(referralId).orElseThrow(() -> new NotVisibleException(referralId)).referral();
    }

    private void recordRead(HttpServletRequest request, Caller caller, UUID journeyId, UUID referralId) {
        String requestId = request.getHeader("X-Request-Id");
        reads.record(caller, journeyId, "referral " + referralId, null, null,
                     requestId != null && requestId.matches(Ids.TOKEN) ? requestId : null);
    }
}
