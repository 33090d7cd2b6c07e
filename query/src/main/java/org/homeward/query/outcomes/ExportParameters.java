package org.homeward.query.outcomes;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The query parameters of the export as the OpenAPI document shows them ({@link OutcomesController#findExport}). */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Parameters({
        @Parameter(name = "program", in = ParameterIn.QUERY, description = "Only journeys in this program",
                   schema = @Schema(type = "string", format = "uuid")),
        @Parameter(name = "organisation", in = ParameterIn.QUERY,
                   description = "Only journeys this organisation holds now",
                   schema = @Schema(type = "string", pattern = "^[A-Za-z0-9][A-Za-z0-9._:@-]{0,63}$")),
        @Parameter(name = "from", in = ParameterIn.QUERY,
                   description = "Intakes from the first day of this date's month",
                   schema = @Schema(type = "string", format = "date")),
        @Parameter(name = "to", in = ParameterIn.QUERY, description = "Intakes up to the last day of this date's month",
                   schema = @Schema(type = "string", format = "date"))
})
@interface ExportParameters {
}
