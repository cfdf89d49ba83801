package dev.llmeval.provider;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The tokenizer of a judge model, for the dry-run estimate and the budget: OpenAI's own encodings
 * (jtokkit) for the OpenAI models, whichever provider serves them; o200k_base as a stand-in for
 * every other model, whose tokenizer is not known here.
 */
final class Tokenizers {

    private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();
    private static final List<String> O200K_PREFIXES =
            List.of("gpt-4o", "chatgpt-4o", "gpt-4.1", "gpt-4.5", "gpt-5", "gpt-oss", "o1", "o3", "o4");
    private static final List<String> CL100K_PREFIXES = List.of("gpt-4", "gpt-3.5", "gpt-35");

    private Tokenizers() {}

    static Tokenizer forModel(String model) {
        Optional<Encoding> known = encoding(model == null ? "" : model.toLowerCase(Locale.ROOT));
        if (known.isPresent()) {
            return counter(known.get(), known.get().getName() + ", the tokenizer of " + model, true);
        }
        return counter(REGISTRY.getEncoding(EncodingType.O200K_BASE),
                "o200k_base as a stand-in: the tokenizer of " + model + " is not known here, so its counts may differ",
                false);
    }

    private static Optional<Encoding> encoding(String model) {
        if (O200K_PREFIXES.stream().anyMatch(model::startsWith)) {
            return Optional.of(REGISTRY.getEncoding(EncodingType.O200K_BASE));
        }
        if (CL100K_PREFIXES.stream().anyMatch(model::startsWith)) {
            return Optional.of(REGISTRY.getEncoding(EncodingType.CL100K_BASE));
        }
        return model.isEmpty() ? Optional.empty() : REGISTRY.getEncodingForModel(model);
    }

    private static Tokenizer counter(Encoding encoding, String description, boolean exact) {
        return new Tokenizer(text -> text == null || text.isEmpty() ? 0 : encoding.countTokensOrdinary(text),
                description, exact);
    }
}
