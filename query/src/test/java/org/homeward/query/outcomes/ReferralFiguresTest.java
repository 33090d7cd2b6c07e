package org.homeward.query.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.homeward.journey.ConsentPurpose;
import org.homeward.journey.ConsentWithdrawn;
import org.homeward.journey.JourneyOpened;
import org.homeward.journey.Profile;
import org.homeward.journey.ReferralAccepted;
import org.homeward.journey.ReferralCompleted;
import org.homeward.journey.ReferralDeclined;
import org.homeward.journey.ReferralMade;
import org.homeward.journey.ReferralRevoked;
import org.homeward.journey.ReferralService;
import org.homeward.journey.ReferralStarted;
import org.homeward.outcome.FindReferralFigures;
import org.homeward.outcome.ReferralFigures;
import org.homeward.query.QuerySettings;
import org.homeward.query.support.GivenEvents;
import org.homeward.query.support.ReadModelDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Given the referrals of journeys whose figures are known in advance, the referral figures are exactly these, with
 * exactly these cells withheld. k is 3 here, so that every group stays small enough to read.
 */
class ReferralFiguresTest {

    private static final int K = 3;
    private static final String ORGANISATION = "org-referrals";
    private static final String LONE_ORGANISATION = "org-one-journey";
    private static final LocalDate MARCH = LocalDate.of(2026, 3, 2);
    private static final LocalDate MID_MARCH = LocalDate.of(2026, 3, 10);
    private static final LocalDate APRIL = LocalDate.of(2026, 4, 1);
    private static final Profile PROFILE = new Profile(Profile.AgeBand.FROM_18_TO_24, Profile.Gender.FEMALE, "MD",
                                                       Profile.FormOfExploitation.FORCED_LABOUR);

    private static JdbcTemplate jdbc;
    private static ReferralQueries figures;
    private static GivenEvents events;

    /**
     * Nine counted journeys. partner-a, legal aid: three referrals, accepted after 1, 2 and 6 days, completed after
     * 10, 20 and 30. partner-b, medical care: six, three accepted after 3, 3 and 4 days and completed after 14, 15
     * and 40; one declined, one revoked, one still requested. Family and community: partner-c one referral
     * (accepted after 5 days, completed after 7) and partner-d two (8 and 9; 50 and 60), too few to show. Not
     * counted: a journey without consent to evaluation and one that withdrew it, each with a referral to
     * partner-a. In another organisation, one journey with three referrals: three referrals, but one person.
     */
    @BeforeAll
    static void knownReferrals() {
        jdbc = ReadModelDatabase.fresh();
        figures = new ReferralQueries(jdbc, Optional.empty(),
                                      new QuerySettings(null, new QuerySettings.Outcomes(K, "")));
        events = new GivenEvents(new OutcomesProjection(jdbc));
        UUID[] j = new UUID[10];
        for (int i = 1; i <= 9; i++) {
            j[i] = open(ORGANISATION, Set.of(ConsentPurpose.CASE_MANAGEMENT, ConsentPurpose.PROGRAM_EVALUATION));
        }
        int[][] legalAid = {{1, 1, 10}, {2, 2, 20}, {3, 6, 30}};
        for (int[] r : legalAid) {
            referral(j[r[0]], "partner-a", ReferralService.LEGAL_AID, MARCH, r[1], r[2]);
        }
        int[][] medicalCare = {{1, 3, 14}, {2, 3, 15}, {3, 4, 40}};
        for (int[] r : medicalCare) {
            referral(j[r[0]], "partner-b", ReferralService.MEDICAL_CARE, MID_MARCH, r[1], r[2]);
        }
        UUID declined = made(j[7], "partner-b", ReferralService.MEDICAL_CARE, MID_MARCH);
        events.given(new ReferralDeclined(j[7], declined, MID_MARCH.plusDays(1),
                                          ReferralDeclined.DeclineReason.NO_CAPACITY));
        UUID revoked = made(j[8], "partner-b", ReferralService.MEDICAL_CARE, MID_MARCH);
        events.given(new ReferralRevoked(j[8], revoked, MID_MARCH.plusDays(2),
                                         ReferralRevoked.RevocationCause.REFERRING_SIDE));
        made(j[9], "partner-b", ReferralService.MEDICAL_CARE, MID_MARCH);
        referral(j[4], "partner-c", ReferralService.FAMILY_AND_COMMUNITY, APRIL, 5, 7);
        referral(j[5], "partner-d", ReferralService.FAMILY_AND_COMMUNITY, APRIL, 8, 50);
        referral(j[6], "partner-d", ReferralService.FAMILY_AND_COMMUNITY, APRIL, 9, 60);

        UUID noConsent = open(ORGANISATION, Set.of(ConsentPurpose.CASE_MANAGEMENT));
        referral(noConsent, "partner-a", ReferralService.LEGAL_AID, MARCH, 1, 2);
        UUID withdrew = open(ORGANISATION, Set.of(ConsentPurpose.CASE_MANAGEMENT, ConsentPurpose.PROGRAM_EVALUATION));
        referral(withdrew, "partner-a", ReferralService.LEGAL_AID, MARCH, 1, 2);
        events.given(new ConsentWithdrawn(withdrew, ConsentPurpose.PROGRAM_EVALUATION, null, APRIL, "cm-referrals"));

        UUID lone = open(LONE_ORGANISATION, Set.of(ConsentPurpose.CASE_MANAGEMENT, ConsentPurpose.PROGRAM_EVALUATION));
        for (int i = 0; i < 3; i++) {
            referral(lone, "partner-x", ReferralService.SHELTER_AND_HOUSING, MARCH, 1, 2);
        }
    }

    /**
     * Medians are nearest-rank: of the nine days to acceptance 1 2 3 3 4 5 6 8 9 the fifth, 4; of the nine to
     * completion 7 10 14 15 20 30 40 50 60 the fifth, 20. partner-c and partner-d are fewer than k: withheld with
     * their medians. Each of them is the other's complement in the partners' sums, so nothing else is withheld.
     * Services come in the order they are listed, partners by id.
     */
    @Test
    void figuresAreExactlyTheseWithTheSmallPartnersWithheld() {
        ReferralFigures answer = figures.handle(new FindReferralFigures(ORGANISATION, null, null));

        assertThat(answer.suppressionThreshold()).isEqualTo(K);
        assertThat(answer.rows().stream().map(ReferralFiguresTest::row)).containsExactly(
                "all all 12 9 9 4 20 []",
                "service MEDICAL_CARE 6 3 3 3 15 []",
                "service LEGAL_AID 3 3 3 2 20 []",
                "service FAMILY_AND_COMMUNITY 3 3 3 8 50 []",
                "partner partner-a 3 3 3 2 20 []",
                "partner partner-b 6 3 3 3 15 []",
                "partner partner-c null null null null null"
                + " [made, accepted, completed, medianDaysToAcceptance, medianDaysToCompletion]",
                "partner partner-d null null null null null"
                + " [made, accepted, completed, medianDaysToAcceptance, medianDaysToCompletion]");
    }

    /** The period is on the day a referral was made: mid-March alone holds partner-b's six. */
    @Test
    void thePeriodIsOnTheDayMade() {
        ReferralFigures answer = figures.handle(new FindReferralFigures(ORGANISATION, LocalDate.of(2026, 3, 5),
                                                                        LocalDate.of(2026, 3, 31)));

        assertThat(answer.rows().stream().map(ReferralFiguresTest::row)).containsExactly(
                "all all 6 3 3 3 15 []",
                "service MEDICAL_CARE 6 3 3 3 15 []",
                "partner partner-b 6 3 3 3 15 []");
    }

    /** Three referrals of one person are fewer than k journeys: every figure is withheld, medians with them. */
    @Test
    void countsOfFewerThanKJourneysAreWithheldHoweverManyReferrals() {
        ReferralFigures answer = figures.handle(new FindReferralFigures(LONE_ORGANISATION, null, null));

        String withheld = " null null null null null"
                          + " [made, accepted, completed, medianDaysToAcceptance, medianDaysToCompletion]";
        assertThat(answer.rows().stream().map(ReferralFiguresTest::row)).containsExactly(
                "all all" + withheld, "service SHELTER_AND_HOUSING" + withheld, "partner partner-x" + withheld);
    }

    /** A referral's events delivered again, as a replayed batch would be, count once. */
    @Test
    void eventsDeliveredAgainCountOnce() {
        UUID journey = open("org-replayed", Set.of(ConsentPurpose.CASE_MANAGEMENT, ConsentPurpose.PROGRAM_EVALUATION));
        UUID referral = UUID.randomUUID();
        ReferralMade made = new ReferralMade(journey, referral, "org-referring", "partner-r",
                                             ReferralService.EDUCATION, MARCH, MARCH.plusDays(30), null, null);
        ReferralAccepted accepted = new ReferralAccepted(journey, referral, MARCH.plusDays(2));
        events.given(made, accepted);

        events.again(made, 1).again(accepted, 2);

        // k = 1 withholds nothing, so that one journey's figures can be read
        ReferralQueries unsuppressed = new ReferralQueries(jdbc, Optional.empty(),
                                                           new QuerySettings(null, new QuerySettings.Outcomes(1, "")));
        assertThat(unsuppressed.handle(new FindReferralFigures("org-replayed", null, null)).rows()
                               .stream().map(ReferralFiguresTest::row)).containsExactly(
                "all all 1 1 0 2 null []", "service EDUCATION 1 1 0 2 null []", "partner partner-r 1 1 0 2 null []");
    }

    /** No referral asked: the total row alone, all zero, nothing to withhold. */
    @Test
    void noReferralsIsARowOfZeros() {
        ReferralFigures answer = figures.handle(new FindReferralFigures("org-without-referrals", null, null));

        assertThat(answer.rows().stream().map(ReferralFiguresTest::row)).containsExactly("all all 0 0 0 null null []");
    }

    private static String row(ReferralFigures.ReferralGroup row) {
        return String.join(" ", row.breakdown(), row.group(), String.valueOf(row.figures().get("made")),
                           String.valueOf(row.figures().get("accepted")),
                           String.valueOf(row.figures().get("completed")),
                           String.valueOf(row.figures().get("medianDaysToAcceptance")),
                           String.valueOf(row.figures().get("medianDaysToCompletion")),
                           row.suppressed().toString());
    }

    private static UUID open(String organisation, Set<ConsentPurpose> consents) {
        UUID journey = UUID.randomUUID();
        events.given(new JourneyOpened(journey, organisation, "cm-referrals", LocalDate.of(2026, 1, 5), PROFILE, null,
                                       consents, "cm-referrals"));
        return journey;
    }

    private static UUID made(UUID journey, String partner, ReferralService service, LocalDate madeOn) {
        UUID referral = UUID.randomUUID();
        events.given(new ReferralMade(journey, referral, "org-referring", partner, service, madeOn,
                                      madeOn.plusDays(30), null, null));
        return referral;
    }

    /** Made, accepted, started and completed, as a partner answers it. */
    private static void referral(UUID journey, String partner, ReferralService service, LocalDate madeOn,
                                 int daysToAcceptance, int daysToCompletion) {
        UUID referral = made(journey, partner, service, madeOn);
        events.given(new ReferralAccepted(journey, referral, madeOn.plusDays(daysToAcceptance)),
                     new ReferralStarted(journey, referral, madeOn.plusDays(daysToAcceptance)),
                     new ReferralCompleted(journey, referral, madeOn.plusDays(daysToCompletion),
                                           ReferralCompleted.ReferralOutcome.SERVICE_PROVIDED));
    }
}
