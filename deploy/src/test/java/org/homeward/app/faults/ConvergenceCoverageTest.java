package org.homeward.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.axonframework.config.ProcessingGroup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.yaml.snakeyaml.Yaml;

/**
 * Convergence covers every projection: each streaming processor (every processing group not configured to
 * subscribe) has tables it compares, and every table of the read side belongs to one, or is named as filled by
 * requests rather than events. A new projection without tables named after it, or a read-side table no
 * projection owns, fails here before the fault suite would pass over it.
 */
class ConvergenceCoverageTest {

    private static final Pattern CREATE_TABLE =
            Pattern.compile("create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)", Pattern.CASE_INSENSITIVE);

    @Test
    void everyStreamingProcessorHasTablesConvergenceCompares() {
        Set<String> tables = tables(List.of("command", "query", "deploy"));
        List<String> uncovered = new ArrayList<>();
        for (String projection : streamingProcessors()) {
            if (tables.stream().noneMatch(table -> Convergence.belongsTo(table, projection))) {
                uncovered.add(projection + " has no table named " + projection + "_*");
            }
        }
        assertThat(streamingProcessors()).contains("timeline", "caseload", "programs", "audit", "outcomes");
        assertThat(uncovered).isEmpty();
    }

    @Test
    void everyReadSideTableBelongsToAProjectionOrIsFilledByRequests() {
        Set<String> streaming = streamingProcessors();
        List<String> orphans = tables(List.of("query")).stream()
                .filter(table -> !Convergence.NOT_FROM_EVENTS.containsKey(table))
                .filter(table -> streaming.stream().noneMatch(projection -> Convergence.belongsTo(table, projection)))
                .toList();
        assertThat(orphans).isEmpty();
        assertThat(tables(List.of("command", "query", "deploy"))).containsAll(Convergence.NOT_FROM_EVENTS.keySet());
    }

    /** Processing groups of Homeward's classes, less those application.yml makes subscribing. */
    @SuppressWarnings("unchecked")
    private static Set<String> streamingProcessors() {
        Map<String, Object> processors;
        try (InputStream yml = ConvergenceCoverageTest.class.getResourceAsStream("/application.yml")) {
            Map<String, Object> root = new Yaml().load(yml);
            Map<String, Object> axon = (Map<String, Object>) root.get("axon");
            processors = (Map<String, Object>) ((Map<String, Object>) axon.get("eventhandling")).get("processors");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ProcessingGroup.class));
        Set<String> streaming = new TreeSet<>();
        for (BeanDefinition found : scanner.findCandidateComponents("org.homeward")) {
            try {
                String group = Class.forName(found.getBeanClassName()).getAnnotation(ProcessingGroup.class).value();
                Map<String, Object> settings = (Map<String, Object>) processors.getOrDefault(group, Map.of());
                if (!"subscribing".equals(settings.get("mode"))) {
                    streaming.add(group);
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return streaming;
    }

    /** Tables the modules' migrations create, read from their sources beside this module. */
    private static Set<String> tables(List<String> modules) {
        Set<String> tables = new TreeSet<>();
        for (String module : modules) {
            Path migrations = Path.of("..", module, "src", "main", "resources", "db", "migration");
            try (Stream<Path> files = Files.list(migrations)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                    Matcher created = CREATE_TABLE.matcher(Files.readString(file));
                    while (created.find()) {
                        tables.add(created.group(1).toLowerCase(Locale.ROOT));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return tables;
    }
}
