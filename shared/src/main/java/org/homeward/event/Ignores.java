package org.homeward.event;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The events of the catalogue ({@code JourneyEvent}, {@code ProgramEvent}) an event handler (a projection, the
 * command side's directory, catalogue and keys) leaves alone on purpose, and why. Naming a catalogue ignores every
 * event in it that the class has no handler for. Every class with event handlers, in every module, handles or
 * ignores every event of the catalogue (deploy's {@code EventCatalogueTest}), so a new event cannot be forgotten
 * silently.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Ignores {

    Class<?>[] value();

    /** Why these events change nothing this class keeps. */
    String why();
}
