package org.homeward.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventHandler;
import org.homeward.event.Ignores;
import org.homeward.journey.JourneyEvent;
import org.homeward.program.ProgramEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;

/**
 * Every class with event handlers, in every module (the read side's projections, the command side's journey
 * directory, program catalogue, person keys and idempotency keys), handles or explicitly ignores ({@link Ignores})
 * every event of the catalogue, so adding an event to {@link JourneyEvent} or {@link ProgramEvent} fails here
 * until each of them decides. Here because deploy sees every module.
 */
class EventCatalogueTest {

    private static final List<Class<?>> CATALOGUES = List.of(JourneyEvent.class, ProgramEvent.class);

    @Test
    void everyEventHandlerHandlesOrIgnoresEveryEvent() throws Exception {
        List<Class<?>> handlers = eventHandlers();
        assertThat(handlers).as("classes with event handlers, on both sides")
                            .anyMatch(type -> type.getPackageName().startsWith("org.homeward.command"))
                            .anyMatch(type -> type.getPackageName().startsWith("org.homeward.query"))
                            .hasSizeGreaterThanOrEqualTo(10);

        List<String> forgotten = new ArrayList<>();
        for (Class<?> handler : handlers) {
            Set<Class<?>> handled = handled(handler);
            if (handled.contains(Object.class)) {
                continue; // takes every event there is
            }
            Set<Class<?>> ignored = handler.isAnnotationPresent(Ignores.class)
                    ? Set.of(handler.getAnnotation(Ignores.class).value()) : Set.of();
            for (Class<?> catalogue : CATALOGUES) {
                for (Class<?> event : catalogue.getPermittedSubclasses()) {
                    if (!handled.contains(event) && !ignored.contains(event) && !ignored.contains(catalogue)) {
                        forgotten.add(handler.getSimpleName() + " neither handles nor ignores "
                                      + event.getSimpleName());
                    }
                }
            }
        }
        assertThat(forgotten).isEmpty();
    }

    @Test
    void nothingIsIgnoredThatIsAlsoHandled() throws Exception {
        for (Class<?> handler : eventHandlers()) {
            if (handler.isAnnotationPresent(Ignores.class)) {
                assertThat(handled(handler)).as(handler.getSimpleName())
                        .doesNotContainAnyElementsOf(List.of(handler.getAnnotation(Ignores.class).value()));
            }
        }
    }

    /** Every class of every module with a method annotated {@link EventHandler}, whatever else it is. */
    private static List<Class<?>> eventHandlers() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter((reader, factory) -> reader.getAnnotationMetadata()
                                                            .hasAnnotatedMethods(EventHandler.class.getName()));
        List<Class<?>> found = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("org.homeward")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            String from = type.getProtectionDomain().getCodeSource().getLocation().getPath();
            // the application's own classes, not the tests' (the fault suite's checker takes events too); an
            // aggregate's event-sourcing handlers (meta-annotated) apply its own events, which its fixture tests cover
            if (!from.contains("/test-classes") && !from.endsWith("-tests.jar") && !handled(type).isEmpty()) {
                found.add(type);
            }
        }
        return found;
    }

    private static Set<Class<?>> handled(Class<?> handler) {
        Set<Class<?>> handled = new HashSet<>();
        Stream.of(handler.getDeclaredMethods()).filter(method -> method.isAnnotationPresent(EventHandler.class))
              .map(Method::getParameterTypes).filter(types -> types.length > 0)
              .forEach(types -> handled.add(types[0]));
        return handled;
    }
}
