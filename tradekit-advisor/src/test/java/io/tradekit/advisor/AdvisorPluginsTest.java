package io.tradekit.advisor;

import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Params;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdvisorPluginsTest {

    private final AdvisorPlugins plugins = AdvisorPlugins.discover();

    @Test
    void theBuiltInSourcesAndNotifiersAreFoundByName() {
        assertThat(plugins.source("grid-rules", Params.empty("grid-rules")).name()).isEqualTo("grid-rules");
        assertThatThrownBy(() -> plugins.notifier("pager", Params.empty("pager")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unknown notifier 'pager'").hasMessageContaining("telegram, webhook");
    }

    @Test
    void anLlmSourceIsMadeFromTextSettingsWithItsRangesAndFallback() {
        ProposalSource llm = plugins.source("llm", Params.of("llm", Map.of("protocol", "ollama", "model", "llama3.1", "strategy", "grid",
                "params", "levels=2..50; spacing=0.1..10", "fallback", "grid-rules")));

        assertThat(llm.name()).isEqualTo("llm-ollama");
        assertThat(llm.supports("grid")).isTrue();
        assertThatThrownBy(() -> plugins.source("llm", Params.of("llm", Map.of("protocol", "bard", "model", "m", "strategy", "grid",
                "params", "levels=2..50")))).hasMessage("llm: 'protocol' is 'bard', expected openai, anthropic, gemini or ollama");
        assertThatThrownBy(() -> plugins.source("llm", Params.of("llm", Map.of("protocol", "ollama", "model", "m", "strategy", "grid",
                "params", "levels 2..50")))).hasMessage("llm: setting 'params' holds 'levels 2..50', expected KEY=LOW..HIGH");
    }

    @Test
    void aNotifierWhoseSecretVariableIsUnsetSaysWhichVariable() {
        assertThatThrownBy(() -> plugins.notifier("webhook", Params.of("webhook", Map.of("url", "https://ops.example/hook",
                "secret-env", "TRADEKIT_TEST_UNSET_HOOK_KEY"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("webhook: 'secret-env' names environment variable TRADEKIT_TEST_UNSET_HOOK_KEY, which is not set");
        assertThatThrownBy(() -> plugins.notifier("telegram", Params.of("telegram", Map.of("chat-id", "1", "token-env", "X", "base", "ftp://x"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("telegram: 'base' is 'ftp://x', expected an http or https URL");
    }
}
