package io.tradekit.core.engine;

import io.tradekit.core.ReplayDriver;
import io.tradekit.core.TradingBot;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The host's handle runs a bot; feeding it bars and ending a replay with a result is the driver's. */
class HostHandleSurfaceTest {

    private static final Set<String> DRIVER_PLUMBING = Set.of("feed", "awaitIdle", "stopWithResult");

    @Test
    void theHostHandleHasNoReplayPlumbingAndTheDriverHasAllOfIt() {
        assertThat(publicMethods(TradingBot.class)).doesNotContainAnyElementsOf(DRIVER_PLUMBING)
                .contains("start", "stop", "pause", "resume", "state", "flatten", "onEvent", "safetyReport");
        assertThat(publicMethods(ReplayDriver.class)).containsAll(DRIVER_PLUMBING);
    }

    private static Set<String> publicMethods(Class<?> type) {
        return Arrays.stream(type.getMethods()).filter(m -> Modifier.isPublic(m.getModifiers()))
                .filter(m -> m.getDeclaringClass() == type).map(Method::getName).collect(Collectors.toSet());
    }
}
