package io.tradekit.control;

import io.tradekit.core.TradingBot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The Prometheus endpoint reflects what a bot did: its fill, its sent order, its equity, its state. */
class MetricsEndpointTest {

    @TempDir
    Path dir;

    @Test
    void aBotsOrdersFillsEquityAndStateShowInTheMetrics() throws Exception {
        try (ControlPlane plane = ControlPlane.builder().port(0).auth(false).sampleEvery(Duration.ofMillis(50))
                .bot(FedPaperBot.spec("m-bot", "desk", dir)).start()) {
            TradingBot bot = plane.fleet().bot("m-bot").orElseThrow();
            FedPaperBot.feed(bot, 5, 9);
            ApiClient api = new ApiClient(plane);
            String tags = "bot=\"m-bot\",mode=\"paper\",tenant=\"desk\",venue=\"paper\"";
            String equity = bot.equity().toPlainString();
            String text = awaitMetrics(api, "tradekit_bot_equity{" + tags + "} " + Double.parseDouble(equity));
            assertThat(value(text, "tradekit_orders_submitted_total{" + tags + "}")).isEqualTo(1.0);
            assertThat(value(text, "tradekit_fills_total{" + tags + "}")).isEqualTo(1.0);
            assertThat(value(text, "tradekit_bars_total{" + tags + "}")).isEqualTo(5.0);
            assertThat(value(text, "tradekit_bot_trading{" + tags + "}")).isEqualTo(1.0);
            assertThat(value(text, "tradekit_bot_emergency_stop{" + tags + "}")).isEqualTo(0.0);
            assertThat(text).contains("tradekit_loop_response_seconds_count{" + tags + "}");

            bot.pause("metrics test", "pause shows");
            text = awaitMetrics(api, "tradekit_bot_trading{" + tags + "} 0.0");
            assertThat(value(text, "tradekit_state_changes_total{bot=\"m-bot\",mode=\"paper\",tenant=\"desk\",to=\"PAUSED\",venue=\"paper\"}")).isEqualTo(1.0);
        }
    }

    private static String awaitMetrics(ApiClient api, String line) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String text = "";
        while (System.nanoTime() < deadline) {
            text = api.get("/metrics", null).body();
            if (text.contains(line)) return text;
            Thread.sleep(50);
        }
        throw new AssertionError("no line '" + line + "' in\n" + text);
    }

    private static double value(String text, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(text);
        assertThat(m.find()).as(series + " in\n" + text).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
