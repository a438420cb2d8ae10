package io.tradekit.control;

import io.tradekit.api.BotState;
import io.tradekit.core.TradingBot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FleetSupervisionTest {

    @TempDir
    Path dir;

    private ControlPlane plane(BotSpec... bots) {
        ControlPlane.Builder b = ControlPlane.builder().port(0).auth(false);
        for (BotSpec s : bots) b.bot(s);
        return b.start();
    }

    @Test
    void aBotThatFailsToStartOrCrashesLeavesTheOthersTrading() {
        BotSpec good = FedPaperBot.spec("good", "desk", dir);
        BotSpec broken = BotSpec.of("broken", "desk", () -> {
            throw new IllegalStateException("venue unreachable");
        });
        BotSpec crashing = BotSpec.of("crashing", "desk", FedPaperBot.launcher("crashing", dir, FedPaperBot.Exploding::new));
        try (ControlPlane plane = plane(good, broken, crashing)) {
            Fleet fleet = plane.fleet();
            assertThat(fleet.entry("good").orElseThrow().status()).isEqualTo(BotStatus.RUNNING);
            FleetEntry failed = fleet.entry("broken").orElseThrow();
            assertThat(failed.status()).isEqualTo(BotStatus.FAILED);
            assertThat(failed.error()).hasValue("IllegalStateException: venue unreachable");

            TradingBot crashingBot = fleet.bot("crashing").orElseThrow();
            FedPaperBot.feed(crashingBot, 5, 1);
            TradingBot goodBot = fleet.bot("good").orElseThrow();
            FedPaperBot.feed(goodBot, 20, 2);

            assertThat(goodBot.state()).isEqualTo(BotState.RUNNING);
            assertThat(goodBot.position().quantity()).isPositive();
            assertThat(goodBot.fills()).hasSize(1);
            assertThat(fleet.entry("crashing").orElseThrow().status()).isEqualTo(BotStatus.RUNNING);
            assertThat(crashingBot.position().isFlat()).isTrue();
            assertThat(crashingBot.state()).as("the engine pauses a bot whose strategy throws").isEqualTo(BotState.PAUSED);
        }
    }

    @Test
    void stoppingOneBotLeavesTheOthersRunningAndItStartsAgainFromItsJournal() {
        try (ControlPlane plane = plane(FedPaperBot.spec("a", "desk", dir), FedPaperBot.spec("b", "desk", dir))) {
            Fleet fleet = plane.fleet();
            FedPaperBot.feed(fleet.bot("a").orElseThrow(), 3, 3);
            assertThat(fleet.bot("a").orElseThrow().fills()).hasSize(1);

            assertThat(fleet.stop("a").status()).isEqualTo(BotStatus.STOPPED);
            assertThat(fleet.bot("a")).isEmpty();
            TradingBot b = fleet.bot("b").orElseThrow();
            FedPaperBot.feed(b, 3, 4);
            assertThat(b.state()).isEqualTo(BotState.RUNNING);
            assertThat(b.fills()).hasSize(1);

            assertThat(fleet.start("a").status()).isEqualTo(BotStatus.RUNNING);
            assertThat(fleet.bot("a").orElseThrow().fills()).as("fills recovered from the journal").hasSize(1);
            assertThat(fleet.list()).extracting(FleetEntry::id).isEqualTo(List.of("a", "b"));
        }
    }

    @Test
    void trustedLocalModeRefusesAnAddressBeyondLoopback() {
        ControlPlane.Builder builder = ControlPlane.builder().auth(false).host("0.0.0.0").port(0);
        org.assertj.core.api.Assertions.assertThatThrownBy(builder::start)
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("binds only to loopback");
    }

    @Test
    void loginModeRefusesToStartWithoutUsers() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ControlPlane.builder().port(0).start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no user");
    }
}
