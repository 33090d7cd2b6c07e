package org.homeward.query.catalogue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import org.homeward.journey.MilestoneType;
import org.homeward.journey.ReintegrationArea;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The milestone catalogue, for clients that build forms from it. */
@RestController
@Tag(name = "catalogue")
class MilestoneTypesController {

    /**
     * @param needs            what a milestone of this type must carry: NOTHING, PROGRAM, PROGRAM_AND_REASON or
     *                         EMPLOYMENT (sector and regular income)
     * @param mayPrecedeIntake whether it may be dated before the intake
     */
    record MilestoneTypeEntry(MilestoneType type, ReintegrationArea area, ReintegrationArea.Pillar pillar,
                              MilestoneType.Needs needs, boolean mayPrecedeIntake) {
    }

    private static final List<MilestoneTypeEntry> CATALOGUE = Arrays.stream(MilestoneType.values())
            .map(type -> new MilestoneTypeEntry(type, type.area(), type.area().pillar(), type.needs(),
                                                type.mayPrecedeIntake()))
            .toList();

    @Operation(summary = "The milestone catalogue: every type, its area and pillar, what it needs")
    @GetMapping("/api/v1/milestone-types")
    List<MilestoneTypeEntry> milestoneTypes() {
        return CATALOGUE;
    }
}
