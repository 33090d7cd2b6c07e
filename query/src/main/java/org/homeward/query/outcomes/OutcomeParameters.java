package org.homeward.query.outcomes;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The query parameters of the outcome endpoints as the OpenAPI document shows them. The endpoints take them as one
 * map to name every bad or unknown one at once ({@link OutcomesController#find}); these are the ones it reads.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Parameters({
        @Parameter(name = "program", in = ParameterIn.QUERY, description = "Only journeys in this program",
                   schema = @Schema(type = "string", format = "uuid")),
        @Parameter(name = "organisation", in = ParameterIn.QUERY,
                   description = "Only journeys this organisation holds now",
                   schema = @Schema(type = "string", pattern = "^[A-Za-z0-9][A-Za-z0-9._:@-]{0,63}$")),
        @Parameter(name = "cohort", in = ParameterIn.QUERY, description = "How intakes are grouped; any case",
                   schema = @Schema(type = "string", allowableValues = {"month", "quarter", "year"},
                                    defaultValue = "quarter")),
        @Parameter(name = "from", in = ParameterIn.QUERY, description = "Intakes on or after this date",
                   schema = @Schema(type = "string", format = "date")),
        @Parameter(name = "to", in = ParameterIn.QUERY, description = "Intakes on or before this date",
                   schema = @Schema(type = "string", format = "date")),
        @Parameter(name = "groupBy", in = ParameterIn.QUERY, description = "A coarse profile field to break down by",
                   schema = @Schema(type = "string", allowableValues = {"ageBand", "gender", "formOfExploitation"}))
})
@interface OutcomeParameters {
}
