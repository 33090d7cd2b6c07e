package org.homeward.app.upgrade;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Compares what a release answered with what this code answers, as the API's versioning allows (README
 * "Versioning"): every field the release gave must be there with the same value; fields added since are allowed.
 * Arrays must have the same elements in the same order.
 */
final class Answers {

    /** A difference the upgrade is meant to make, on the answers whose name matches, at the paths that match. */
    record Intended(Pattern answer, Pattern path, String why) {

        static Intended of(String answer, String path, String why) {
            return new Intended(Pattern.compile(answer), Pattern.compile(path), why);
        }

        boolean covers(String answerName, String difference) {
            return answer.matcher(answerName).matches() && path.matcher(difference).lookingAt();
        }
    }

    private Answers() {
    }

    /** Each difference as {@code path: release X, now Y}; empty when this code answers what the release did. */
    static List<String> differences(JsonNode release, JsonNode now) {
        List<String> found = new ArrayList<>();
        compare("$", release, now, found);
        return found;
    }

    /** The differences no {@link Intended} covers; those it covers are added to {@code seen}. */
    static List<String> unintended(String answerName, JsonNode release, JsonNode now, List<Intended> intended,
                                   Set<Intended> seen) {
        List<String> unintended = new ArrayList<>();
        for (String difference : differences(release, now)) {
            List<Intended> covering = intended.stream().filter(i -> i.covers(answerName, difference)).toList();
            if (covering.isEmpty()) {
                unintended.add(answerName + " " + difference);
            }
            seen.addAll(covering);
        }
        return unintended;
    }

    private static void compare(String path, JsonNode release, JsonNode now, List<String> found) {
        if (now == null || now.isMissingNode()) {
            found.add(path + ": release " + release + ", now absent");
        } else if (release.isObject() && now.isObject()) {
            for (Map.Entry<String, JsonNode> field : release.properties()) {
                compare(path + "." + field.getKey(), field.getValue(), now.get(field.getKey()), found);
            }
        } else if (release.isArray() && now.isArray()) {
            if (release.size() != now.size()) {
                found.add(path + ": release " + release.size() + " elements, now " + now.size());
            }
            for (int i = 0; i < Math.min(release.size(), now.size()); i++) {
                compare(path + "[" + i + "]", release.get(i), now.get(i), found);
            }
        } else if (!release.equals(now)) {
            found.add(path + ": release " + release + ", now " + now);
        }
    }
}
