package org.homeward.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every setting the modules bind (HomewardSettings, CommandSettings, QuerySettings, as their generated metadata
 * lists them) is in application.yml with its default, and application.yml has no homeward key nothing binds.
 */
class SettingsTest {

    @Test
    void everyBoundKeyIsListedInApplicationYmlAndNothingElse() throws Exception {
        Set<String> bound = new TreeSet<>();
        for (URL metadata : Collections.list(getClass().getClassLoader()
                                                 .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = metadata.openStream()) {
                for (JsonNode property : JsonMapper.builder().build().readTree(in).path("properties")) {
                    if (property.path("name").asString().startsWith("homeward.")) {
                        bound.add(property.path("name").asString());
                    }
                }
            }
        }
        assertThat(bound).as("the settings of all three modules")
                         .contains("homeward.commands.journey-cache", "homeward.timeline.catch-up-timeout",
                                   "homeward.integrity.settle-time");

        Set<String> listed = new TreeSet<>();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("application.yml")) {
            Map<String, Object> yaml = new Yaml().load(in);
            flatten("", yaml, listed);
        }
        Set<String> homewardListed = new TreeSet<>(listed.stream().filter(key -> key.startsWith("homeward.")).toList());

        assertThat(homewardListed).as("listed in application.yml").containsExactlyElementsOf(bound);
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> tree, Set<String> keys) {
        List<String> names = new ArrayList<>(tree.keySet());
        for (String name : names) {
            Object value = tree.get(name);
            if (value instanceof Map<?, ?> branch) {
                flatten(prefix + name + ".", (Map<String, Object>) branch, keys);
            } else {
                keys.add(prefix + name);
            }
        }
    }
}
