package org.homeward.program;

import java.util.UUID;

/**
 * Every event of a program's life: defined, updated, retired.
 */
public sealed interface ProgramEvent permits
        ProgramDefined,
        ProgramRetired,
        ProgramUpdated {

    UUID programId();
}
