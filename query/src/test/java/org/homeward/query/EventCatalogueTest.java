package org.homeward.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.homeward.journey.JourneyEvent;
import org.homeward.program.ProgramEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * Every projection of the read side handles or explicitly ignores ({@link Ignores}) every event of the catalogue,
 * so adding an event to {@link JourneyEvent} or {@link ProgramEvent} fails here until each projection decides.
 */
class EventCatalogueTest {

    private static final List<Class<?>> CATALOGUES = List.of(JourneyEvent.class, ProgramEvent.class);

    @Test
    void everyProjectionHandlesOrIgnoresEveryEvent() throws Exception {
        List<Class<?>> projections = projections();
        assertThat(projections).as("the projections found").hasSizeGreaterThanOrEqualTo(5);

        List<String> forgotten = new ArrayList<>();
        for (Class<?> projection : projections) {
            Set<Class<?>> handled = handled(projection);
            if (handled.contains(Object.class)) {
                continue; // takes every event there is
            }
            Set<Class<?>> ignored = projection.isAnnotationPresent(Ignores.class)
                    ? Set.of(projection.getAnnotation(Ignores.class).value()) : Set.of();
            for (Class<?> catalogue : CATALOGUES) {
                for (Class<?> event : catalogue.getPermittedSubclasses()) {
                    if (!handled.contains(event) && !ignored.contains(event) && !ignored.contains(catalogue)) {
                        forgotten.add(projection.getSimpleName() + " neither handles nor ignores "
                                      + event.getSimpleName());
                    }
                }
            }
        }
        assertThat(forgotten).isEmpty();
    }

    @Test
    void nothingIsIgnoredThatIsAlsoHandled() throws Exception {
        for (Class<?> projection : projections()) {
            if (projection.isAnnotationPresent(Ignores.class)) {
                assertThat(handled(projection)).as(projection.getSimpleName())
                        .doesNotContainAnyElementsOf(List.of(projection.getAnnotation(Ignores.class).value()));
            }
        }
    }

    private static List<Class<?>> projections() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ProcessingGroup.class));
        List<Class<?>> found = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("org.homeward.query")) {
            found.add(Class.forName(candidate.getBeanClassName()));
        }
        return found;
    }

    private static Set<Class<?>> handled(Class<?> projection) {
        Set<Class<?>> handled = new HashSet<>();
        Stream.of(projection.getDeclaredMethods()).filter(method -> method.isAnnotationPresent(EventHandler.class))
              .map(Method::getParameterTypes).filter(types -> types.length > 0)
              .forEach(types -> handled.add(types[0]));
        return handled;
    }
}
