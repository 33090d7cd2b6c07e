package org.homeward.journey;

/**
 * A reintegration assessment along the three dimensions of IOM's Reintegration Sustainability Survey, each scored
 * 1 to 5: 1 very low, 2 low, 3 medium, 4 high, 5 very high sustainability.
 *
 * @param economic     income, employment, meeting unexpected expenses
 * @param social       access to housing, health, education, justice and documents
 * @param psychosocial support network, belonging, feeling safe, freedom from distress
 */
public record ReintegrationScores(int economic, int social, int psychosocial) {

    public static final int LOWEST = 1;
    public static final int HIGHEST = 5;
}
