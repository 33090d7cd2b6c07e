package org.homeward.app.integrity;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A chain head as an operator copied it out of the log at a checkpoint. Whoever can write to the database can
 * recompute the whole chain after changing an event; only a copy kept elsewhere shows that it was.
 */
public record ExternalCopy(@NotNull @Min(1) Long position,
                           @NotNull @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be 64 hexadecimal digits")
                           String hash) {
}
