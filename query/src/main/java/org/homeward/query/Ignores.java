package org.homeward.query;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The events of the catalogue ({@code JourneyEvent}, {@code ProgramEvent}) a projection leaves alone on purpose,
 * and why. Naming a catalogue ignores every event in it that the projection has no handler for. Every projection
 * handles or ignores every event of the catalogue, so a new event cannot be forgotten silently.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Ignores {

    Class<?>[] value();

    /** Why these events change nothing this projection answers. */
    String why();
}
