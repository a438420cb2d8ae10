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
