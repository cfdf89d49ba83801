package dev.llmeval.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.llmeval.LlmevalException;
import dev.llmeval.testing.ScriptedChatModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BuiltinTargetTest {

    private static final Path DOCS = Path.of("golden-sets/docs-demo");

    private static EmbeddingModel embeddings;
    private static BuiltinTarget extractive;

    @BeforeAll
    static void index() {
        embeddings = new AllMiniLmL6V2EmbeddingModel();
        extractive = BuiltinTarget.create(DOCS, embeddings, null, 3);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Which command installs Tidewater server on Ubuntu?                          | install.md
            How many snapshots does a backup job keep by default?                       | backups.md
            How do I restore a single file from a snapshot?                             | restore.md
            How do I turn on encryption at rest?                                        | security.md
            What happens when the same file is edited on two devices before they sync? | sync.md
            How much does the Team plan cost?                                           | plans.md
            """)
    void should_retrieve_a_chunk_of_the_right_document_first(String question, String document) {
        TargetAnswer answer = extractive.answer(new TargetQuestion("q", question));

        assertThat(answer.contexts()).hasSize(3);
        assertThat(answer.contextIds().get(0)).startsWith(document + "#");
    }

    @Test
    void should_answer_with_sentences_taken_from_the_retrieved_chunks_when_there_is_no_chat_model() {
        TargetAnswer answer = extractive.answer(new TargetQuestion("q", "How many snapshots does a backup job keep by default?"));

        assertThat(answer.response()).contains("7 daily, 4 weekly and 12 monthly snapshots");
        String contexts = String.join("\n", answer.contexts());
        assertThat(Sentences.split(answer.response())).hasSizeBetween(1, 3).allSatisfy(s -> assertThat(contexts).contains(s));
    }

    @Test
    void should_put_the_retrieved_chunks_in_the_prompt_when_a_chat_model_is_given() {
        ScriptedChatModel chat = new ScriptedChatModel().reply("Port 8420.");
        BuiltinTarget target = BuiltinTarget.create(DOCS, embeddings, chat, 2);

        TargetAnswer answer = target.answer(new TargetQuestion("q", "What port does the server listen on by default?"));

        assertThat(answer.response()).isEqualTo("Port 8420.");
        assertThat(answer.contexts()).hasSize(2);
        String prompt = ((UserMessage) chat.requests().get(0).messages().get(0)).singleText();
        assertThat(prompt).contains("[1] " + answer.contexts().get(0)).contains("[2] " + answer.contexts().get(1))
                .endsWith("Question: What port does the server listen on by default?\nAnswer:");
    }

    @Test
    void should_fail_clearly_when_the_docs_folder_has_no_documents(@TempDir Path empty) throws Exception {
        Files.writeString(empty.resolve("notes.pdf"), "binary");

        assertThatThrownBy(() -> BuiltinTarget.create(empty, embeddings, null, 3))
                .isInstanceOf(LlmevalException.class)
                .hasMessage("--docs " + empty + " holds no .txt or .md text");
    }

    @Test
    void should_split_paragraphs_into_chunks_of_at_most_the_limit_with_a_short_overlap() {
        String text = "# Title\n\n" + "a".repeat(60) + "\n\nShort line.\n\n" + "b".repeat(60) + "\n\n" + "c".repeat(150);

        List<String> chunks = new Chunker(100).split(text);

        assertThat(chunks).containsExactly(
                "# Title\n\n" + "a".repeat(60) + "\n\nShort line.",
                "Short line.\n\n" + "b".repeat(60),
                "c".repeat(100),
                "c".repeat(50));
        assertThat(chunks).allSatisfy(c -> assertThat(c).hasSizeLessThanOrEqualTo(100));
    }
}
