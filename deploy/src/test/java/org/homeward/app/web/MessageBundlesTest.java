package org.homeward.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.homeward.access.Role;
import org.homeward.refusal.RefusalKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The message bundles, without starting the application: English and French have the same keys, every text is a
 * valid MessageFormat pattern, and every key a page can ask for has a text, whether a template names it or a page
 * builds it from a value of the API (its enums, request fields, operations, problem types and roles).
 */
class MessageBundlesTest {

    private static final Path RESOURCES = Path.of("src", "main", "resources");
    private static final Path OPENAPI = Path.of("api", "openapi.json");
    /** The problem types ProblemResponses writes besides those of the refusal kinds. */
    private static final List<String> HTTP_PROBLEMS = List.of("stale-version", "concurrent-change", "internal-error",
            "request-timeout", "unsupported-media-type", "invalid-request");
    /** A literal key in a template: #{key} or #{key(arguments)}; keys built by expressions start with $ or '. */
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.-]+)[}(]");
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

    private static final Map<String, Properties> ENGLISH = new HashMap<>();
    private static final Map<String, Properties> FRENCH = new HashMap<>();
    private static final List<String> NOT_MERGED = new ArrayList<>();

    @BeforeAll
    static void readBundles() throws IOException {
        String yaml = Files.readString(RESOURCES.resolve("application.yml"));
        Matcher basenames = Pattern.compile("(?m)^\\s+basename:\\s*(\\S+)").matcher(yaml);
        assertThat(basenames.find()).as("spring.messages.basename in application.yml").isTrue();
        for (String basename : basenames.group(1).split(",")) {
            Path english = RESOURCES.resolve(basename + ".properties");
            Path french = RESOURCES.resolve(basename + "_fr.properties");
            if (!Files.exists(english) && !Files.exists(french)) {
                // a part of the web app listed ahead of its pages (outcomes, audit, admin) on another branch
                NOT_MERGED.add(basename);
                continue;
            }
            ENGLISH.put(basename, load(english));
            FRENCH.put(basename, load(french));
        }
        NOT_MERGED.forEach(basename -> System.out.println("MessageBundlesTest: no bundle yet for " + basename));
    }

    @Test
    void englishAndFrenchHaveTheSameKeysAndEveryTextIsAValidPattern() {
        List<String> problems = new ArrayList<>();
        for (String basename : new TreeSet<>(ENGLISH.keySet())) {
            Properties english = ENGLISH.get(basename);
            Properties french = FRENCH.get(basename);
            for (String key : new TreeSet<>(english.stringPropertyNames())) {
                if (!french.containsKey(key)) {
                    problems.add(basename + "_fr: no French for " + key);
                }
            }
            for (String key : new TreeSet<>(french.stringPropertyNames())) {
                if (!english.containsKey(key)) {
                    problems.add(basename + ": no English for " + key + " (only in French)");
                }
            }
            check(basename, english, Locale.ENGLISH, problems);
            check(basename + "_fr", french, Locale.FRENCH, problems);
            for (String key : new TreeSet<>(english.stringPropertyNames())) {
                if (french.containsKey(key)
                    && !arguments(english.getProperty(key)).equals(arguments(french.getProperty(key)))) {
                    problems.add(basename + "_fr: " + key + " has other arguments than in English");
                }
            }
        }
        assertThat(problems).as("bundle problems").isEmpty();
    }

    @Test
    void everyKeyATemplateNamesHasAText() throws IOException {
        Set<String> wanted = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(RESOURCES.resolve("templates"))) {
            for (Path template : templates.filter(path -> path.toString().endsWith(".html")).toList()) {
                Matcher key = TEMPLATE_KEY.matcher(Files.readString(template));
                while (key.find()) {
                    wanted.add(key.group(1));
                }
            }
        }
        assertThat(missing(wanted)).as("keys named in templates with no text").isEmpty();
    }

    @Test
    void everyValueOfTheApiAPageShowsHasALabel() throws IOException {
        JsonNode api = JsonMapper.builder().build().readTree(Files.readString(OPENAPI));
        Set<String> wanted = new TreeSet<>();
        for (Map.Entry<String, JsonNode> schema : api.get("components").get("schemas").properties()) {
            for (JsonNode value : schema.getValue().path("enum")) {
                if (value.isNull()) {
                    continue; // a nullable enum: no value, no label
                }
                wanted.add("enum." + schema.getKey() + "." + value.asString());
            }
            if (schema.getKey().endsWith("Request")) {
                for (Map.Entry<String, JsonNode> property : schema.getValue().path("properties").properties()) {
                    wanted.add("field." + property.getKey());
                }
            }
        }
        for (JsonNode path : api.get("paths")) {
            JsonNode post = path.path("post");
            if (post.has("requestBody")) {
                wanted.add("form." + post.get("operationId").asString());
            }
        }
        for (RefusalKind kind : RefusalKind.values()) {
            wanted.add("problem." + kind.problemType());
        }
        HTTP_PROBLEMS.forEach(type -> wanted.add("problem." + type));
        for (Role role : Role.values()) {
            wanted.add("role." + role.name());
        }
        assertThat(missing(wanted)).as("labels missing for values of the API").isEmpty();
    }

    /** The keys with no English or no French text in any bundle. */
    private static List<String> missing(Set<String> keys) {
        List<String> missing = new ArrayList<>();
        for (String key : keys) {
            if (ENGLISH.values().stream().noneMatch(bundle -> bundle.containsKey(key))) {
                missing.add(key + " (English)");
            }
            if (FRENCH.values().stream().noneMatch(bundle -> bundle.containsKey(key))) {
                missing.add(key + " (French)");
            }
        }
        return missing;
    }

    private static void check(String bundle, Properties texts, Locale locale, List<String> problems) {
        for (String key : new TreeSet<>(texts.stringPropertyNames())) {
            String text = texts.getProperty(key);
            if (text.isBlank()) {
                problems.add(bundle + ": " + key + " is empty");
                continue;
            }
            try {
                new MessageFormat(text, locale);
            } catch (IllegalArgumentException e) {
                problems.add(bundle + ": " + key + " is not a valid MessageFormat pattern: " + e.getMessage());
            }
            // a lone apostrophe quotes what follows in MessageFormat: the text would lose its arguments or quote
            if (text.replace("''", "").contains("'")) {
                problems.add(bundle + ": " + key + " has an apostrophe not written as ''");
            }
        }
    }

    private static Set<String> arguments(String text) {
        Set<String> arguments = new TreeSet<>();
        Matcher argument = ARGUMENT.matcher(text);
        while (argument.find()) {
            arguments.add(argument.group(1));
        }
        return arguments;
    }

    private static Properties load(Path file) {
        Properties texts = new Properties();
        if (!Files.exists(file)) {
            return texts;
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            texts.load(reader);
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void thePseudoLocaleStoryTellsDataFromTextToTranslate() {
        Set<String> seeded = Set.of("web-case_manager", "org-web", "synthetic note");
        assertThat(PseudoLocaleStory.isBracketedOrData("⟦Journey 1a2b3c4d⟧", seeded)).isTrue();
        assertThat(PseudoLocaleStory.isBracketedOrData("web-case_manager (org-web)", seeded)).isTrue();
        assertThat(PseudoLocaleStory.isBracketedOrData("— synthetic note", seeded)).isTrue();
        assertThat(PseudoLocaleStory.isBracketedOrData("2026-01-13 · 3 · 1a2b3c4d-0000", seeded)).isTrue();
        assertThat(PseudoLocaleStory.isBracketedOrData("⟦Status⟧: Open", seeded)).isFalse();
        assertThat(PseudoLocaleStory.isBracketedOrData("follow-up overdue", seeded)).isFalse();
        assertThat(PseudoLocaleStory.isBracketedOrData("Page 1 of 2", seeded)).isFalse();
    }
}
