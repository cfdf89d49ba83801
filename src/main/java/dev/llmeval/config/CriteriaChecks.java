package dev.llmeval.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Checks the {@code criteria:} section; each problem names the file, line and key path. Whether a
 * name clashes with a built-in metric is checked where the metric catalogue is known (app).
 */
final class CriteriaChecks {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final List<String> KINDS = List.of("aspect", "rubric");
    private static final Set<String> SCORES = Set.of("1", "2", "3", "4", "5");

    private CriteriaChecks() {}

    static List<CriterionConfig> check(KeyLines file, List<CriterionSettings> entries) {
        if (entries == null) {
            return List.of();
        }
        List<CriterionConfig> criteria = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String key = "criteria[" + i + "]";
            CriterionSettings c = entries.get(i);
            if (c == null) {
                fail(file, key, "must be a mapping with name, kind and definition or rubric");
            }
            if (c.name() == null || c.name().isBlank()) {
                fail(file, key, "needs a name (the metric id, lower_snake, e.g. politeness)");
            }
            String name = c.name().strip();
            if (!NAME.matcher(name).matches()) {
                fail(file, key + ".name", "must be lower_snake (a-z, 0-9, _; starting with a letter), got '" + name + "'");
            }
            if (!names.add(name)) {
                fail(file, key + ".name", "repeats the criterion name '" + name + "'");
            }
            if (c.kind() == null) {
                fail(file, key, "needs a kind: aspect (a yes/no verdict) or rubric (a score from 1 to 5)");
            }
            String kind = c.kind().strip().toLowerCase(Locale.ROOT);
            if (!KINDS.contains(kind)) {
                fail(file, key + ".kind", "must be aspect or rubric, got '" + c.kind() + "'");
            }
            boolean aspect = kind.equals("aspect");
            if (aspect && (c.definition() == null || c.definition().isBlank())) {
                fail(file, key, "needs a definition: the yes/no question the judge answers about each sample");
            }
            if (aspect && c.rubric() != null) {
                fail(file, key + ".rubric", "is for kind: rubric; an aspect has a definition only");
            }
            int votes = 1;
            if (c.votes() != null) {
                if (!aspect) {
                    fail(file, key + ".votes", "is for kind: aspect only");
                }
                if (c.votes() < 1 || c.votes() % 2 == 0) {
                    fail(file, key + ".votes", "must be an odd number, 1 or more, so that a majority decides");
                }
                votes = c.votes();
            }
            TreeMap<Integer, String> rubric = new TreeMap<>();
            if (!aspect) {
                if (c.rubric() == null || !c.rubric().keySet().equals(SCORES)) {
                    fail(file, c.rubric() == null ? key : key + ".rubric",
                            "must describe exactly the scores 1, 2, 3, 4 and 5, e.g. {1: \"...\", ..., 5: \"...\"}");
                }
                for (Map.Entry<String, String> score : c.rubric().entrySet()) {
                    if (score.getValue() == null || score.getValue().isBlank()) {
                        fail(file, key + ".rubric." + score.getKey(), "must describe that score");
                    }
                    rubric.put(Integer.valueOf(score.getKey()), score.getValue().strip());
                }
            }
            criteria.add(new CriterionConfig(name, kind, c.definition() == null ? "" : c.definition().strip(),
                    rubric, votes, uses(file, key, c.uses()), file.at(key + ".name")));
        }
        return List.copyOf(criteria);
    }

    private static List<String> uses(KeyLines file, String key, List<String> uses) {
        if (uses == null) {
            return CriterionConfig.DEFAULT_USES;
        }
        if (uses.isEmpty()) {
            fail(file, key + ".uses", "must name at least one of " + String.join(", ", CriterionConfig.FIELDS));
        }
        Set<String> fields = new LinkedHashSet<>();
        for (int j = 0; j < uses.size(); j++) {
            String field = uses.get(j) == null ? "" : uses.get(j).strip();
            if (!CriterionConfig.FIELDS.contains(field)) {
                fail(file, key + ".uses[" + j + "]", "must be one of " + String.join(", ", CriterionConfig.FIELDS)
                        + ", got '" + field + "'");
            }
            fields.add(field);
        }
        return List.copyOf(fields);
    }

    private static void fail(KeyLines file, String key, String problem) {
        throw ConfigFile.invalid(file.at(key) + ": '" + key + "' " + problem);
    }
}
