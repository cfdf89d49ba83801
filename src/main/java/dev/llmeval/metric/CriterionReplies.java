package dev.llmeval.metric;

import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.llmeval.judge.OutputSpec;
import java.math.BigDecimal;

/**
 * The judge replies of custom criteria, as records, and their output specs. A record that cannot
 * hold a valid answer throws, which the judge reports as a format error and repairs once.
 */
final class CriterionReplies {

    private CriterionReplies() {}

    /** {@code criteria/aspect}. */
    record AspectVerdict(String reason, Integer verdict) {
        AspectVerdict {
            if (verdict == null) {
                throw new IllegalArgumentException("\"verdict\" is missing");
            }
            if (verdict != 0 && verdict != 1) {
                throw new IllegalArgumentException("\"verdict\" must be 0 or 1, got " + verdict);
            }
            reason = reason == null ? "" : reason.strip();
        }
    }

    /**
     * {@code criteria/rubric}. {@code score} arrives as whatever JSON value the judge wrote and
     * leaves as an {@link Integer} from 1 to 5: a whole number (also written {@code 4.0} or
     * {@code "4"}); anything else is a format error.
     */
    record RubricGrade(String feedback, Object score) {
        RubricGrade {
            score = grade(score);
            feedback = feedback == null ? "" : feedback.strip();
        }

        int value() {
            return (Integer) score;
        }

        private static Integer grade(Object raw) {
            if (raw == null) {
                throw new IllegalArgumentException("\"score\" is missing");
            }
            BigDecimal number;
            try {
                number = raw instanceof Number n ? new BigDecimal(n.toString())
                        : raw instanceof String s ? new BigDecimal(s.strip()) : null;
            } catch (NumberFormatException e) {
                number = null;
            }
            if (number == null || number.stripTrailingZeros().scale() > 0) {
                throw new IllegalArgumentException("\"score\" must be a whole number from 1 to 5, got " + shown(raw));
            }
            if (number.compareTo(BigDecimal.ONE) < 0 || number.compareTo(BigDecimal.valueOf(5)) > 0) {
                throw new IllegalArgumentException("\"score\" must be from 1 to 5, got " + shown(raw));
            }
            return number.intValueExact();
        }

        private static String shown(Object raw) {
            return raw instanceof String s ? "\"" + s + "\"" : String.valueOf(raw);
        }
    }

    static final OutputSpec<AspectVerdict> ASPECT = new OutputSpec<>(
            "aspect_verdict",
            JsonObjectSchema.builder().additionalProperties(false)
                    .addStringProperty("reason")
                    .addProperty("verdict", JsonIntegerSchema.builder().description("1 = yes, 0 = no").build())
                    .required("reason", "verdict").build(),
            AspectVerdict.class);

    static final OutputSpec<RubricGrade> RUBRIC = new OutputSpec<>(
            "rubric_score",
            JsonObjectSchema.builder().additionalProperties(false)
                    .addStringProperty("feedback")
                    .addProperty("score", JsonIntegerSchema.builder().description("1 to 5").build())
                    .required("feedback", "score").build(),
            RubricGrade.class);
}
