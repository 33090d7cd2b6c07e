package org.homeward.query.timeline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.homeward.journey.ContactDetail;
import org.homeward.journey.PartnerReferral;
import org.homeward.journey.Profile;
import org.homeward.journey.ReferralService;
import org.homeward.journey.ReferralService.ProfileField;
import org.homeward.journey.ReferralState;
import org.homeward.privacy.PersonKeyring;
import org.homeward.privacy.Sealed;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The referrals made to one organisation, narrowed to what each shares, from the timeline's rows. Every field is
 * chosen here, one by one, so nothing else of the journey can reach a partner: the profile fields the service
 * needs, and the contact details the person's consent to share with this partner names, only while the consent
 * is in force and the referral open, opened with the person's key (after erasure there is nothing to open).
 */
@Component
class PartnerReferrals {

    /** Each row carries its journey id for the read audit; the id never goes into the answer. */
    record Shown(UUID journeyId, PartnerReferral referral) {
    }

    /** To whom a referral was made, on which journey. */
    record Addressee(UUID journeyId, String partnerOrganisationId) {
    }

    private static final String SELECT = """
            select r.*, j.age_band, j.gender, j.nationality,
                   j.form_of_exploitation, j.full_name, j.phone, j.email, c.shared_details
            from timeline_referral r
            join timeline_journey j using (journey_id)
            left join timeline_consent c on c.journey_id = r.journey_id and c.purpose = 'SHARING_WITH_PARTNER'
                 and c.partner_organisation_id = r.partner_organisation_id and c.in_force
            """;

    private final JdbcTemplate jdbc;
    private final PersonKeyring keyring;

    PartnerReferrals(JdbcTemplate jdbc, PersonKeyring keyring) {
        this.jdbc = jdbc;
        this.keyring = keyring;
    }

    /** A page of the referrals made to the organisation, the latest first. */
    List<Shown> madeTo(String partnerOrganisationId, int page, int size) {
        return jdbc.query(SELECT + " where r.partner_organisation_id = ?"
                          + " order by r.made_on desc, r.referral_id limit ? offset ?",
                          (rs, row) -> shown(rs), partnerOrganisationId, size, (long) page * size);
    }

    long countMadeTo(String partnerOrganisationId) {
        return jdbc.queryForObject("select count(*) from timeline_referral where partner_organisation_id = ?",
                                   Long.class, partnerOrganisationId);
    }

    /** One referral, whichever organisation it was made to: the caller decides who may see it. */
    Optional<Shown> find(UUID referralId) {
        return jdbc.query(SELECT + " where r.referral_id = ?", (rs, row) -> shown(rs), referralId).stream()
                   .findFirst();
    }

    /** The partner the referral was made to, and its journey, without reading anything else of it. */
    Optional<Addressee> addressee(UUID referralId) {
        return jdbc.query("select journey_id, partner_organisation_id from timeline_referral where referral_id = ?",
                          (rs, row) -> new Addressee(rs.getObject(1, UUID.class), rs.getString(2)), referralId)
                   .stream().findFirst();
    }

    private Shown shown(ResultSet rs) throws SQLException {
        UUID journeyId = rs.getObject("journey_id", UUID.class);
        ReferralService service = ReferralService.valueOf(rs.getString("service"));
        ReferralState state = ReferralState.valueOf(rs.getString("state"));
        byte[] key = keyring.key(journeyId);
        Function<String, String> open = sealed -> sealed == null || key == null ? null
                : new Sealed(sealed).openTextOrUnreadable(key, journeyId);
        Set<ProfileField> needed = service.profileNeeded();
        PartnerReferral.SharedProfile profile = new PartnerReferral.SharedProfile(
                needed.contains(ProfileField.AGE_BAND) ? Profile.AgeBand.valueOf(rs.getString("age_band")) : null,
                needed.contains(ProfileField.GENDER) ? Profile.Gender.valueOf(rs.getString("gender")) : null,
                needed.contains(ProfileField.NATIONALITY) ? rs.getString("nationality") : null,
                needed.contains(ProfileField.FORM_OF_EXPLOITATION)
                        ? Profile.FormOfExploitation.valueOf(rs.getString("form_of_exploitation")) : null);
        Set<ContactDetail> shared = TimelineQueries.sharedDetails(rs);
        PartnerReferral.SharedContact contact = !state.open() || shared.isEmpty() || key == null ? null
                : new PartnerReferral.SharedContact(
                        shared.contains(ContactDetail.FULL_NAME) ? open.apply(rs.getString("full_name")) : null,
                        shared.contains(ContactDetail.PHONE) ? open.apply(rs.getString("phone")) : null,
                        shared.contains(ContactDetail.EMAIL) ? open.apply(rs.getString("email")) : null);
        return new Shown(journeyId, new PartnerReferral(
                rs.getObject("referral_id", UUID.class), rs.getString("referring_organisation_id"), service,
                rs.getObject("made_on", LocalDate.class), rs.getObject("due_on", LocalDate.class),
                open.apply(rs.getString("note")), rs.getString("override_reason") != null, state,
                rs.getObject("accepted_on", LocalDate.class), rs.getObject("started_on", LocalDate.class),
                rs.getObject("ended_on", LocalDate.class), rs.getString("ended_because"), profile, contact));
    }
}
