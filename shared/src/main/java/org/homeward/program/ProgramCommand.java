package org.homeward.program;

import java.util.UUID;

/**
 * Every command a program decides on.
 */
public sealed interface ProgramCommand permits
        DefineProgram,
        RetireProgram,
        UpdateProgram {

    UUID programId();
}
