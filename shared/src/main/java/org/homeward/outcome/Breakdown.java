package org.homeward.outcome;

/** The coarse profile fields outcome figures can be broken down by; never anything finer. */
public enum Breakdown {
    AGE_BAND("ageBand"),
    GENDER("gender"),
    FORM_OF_EXPLOITATION("formOfExploitation");

    private final String parameter;

    Breakdown(String parameter) {
        this.parameter = parameter;
    }

    /** The word an evaluator writes in a request: {@code groupBy=gender}. */
    public String parameter() {
        return parameter;
    }
}
