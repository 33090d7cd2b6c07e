package org.homeward.journey;

/**
 * The coarse profile recorded at intake. Deliberately coarse (bands, not birth dates) so that outcome
 * figures can be broken down without identifying anyone.
 *
 * @param nationality ISO 3166-1 alpha-2 country code
 */
public record Profile(AgeBand ageBand, Gender gender, String nationality, FormOfExploitation formOfExploitation) {

    public enum AgeBand { UNDER_18, FROM_18_TO_24, FROM_25_TO_34, FROM_35_TO_44, FROM_45_TO_59, FROM_60, UNKNOWN }

    public enum Gender { FEMALE, MALE, OTHER, NOT_DISCLOSED }

    /** Forms of exploitation as the Human Trafficking Case Data Standard lists them. */
    public enum FormOfExploitation {
        SEXUAL,
        FORCED_LABOUR,
        DOMESTIC_SERVITUDE,
        FORCED_CRIMINALITY,
        FORCED_BEGGING,
        FORCED_MARRIAGE,
        ORGAN_REMOVAL,
        MULTIPLE,
        OTHER,
        UNKNOWN
    }
}
