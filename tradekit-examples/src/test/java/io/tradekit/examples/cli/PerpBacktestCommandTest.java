package io.tradekit.examples.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.api.Side;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.PerpetualFigures;
import io.tradekit.core.TradeKit;
import io.tradekit.core.perp.FundingRates;
import io.tradekit.core.perp.PaperMarginRules;
import io.tradekit.data.DataSets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code backtest --market perp} through the real command line, against the same run through the library. */
class PerpBacktestCommandTest {

    @TempDir
    Path dir;

    private static JsonNode json(Path file) throws IOException {
        return new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(file.toFile());
    }

    @Test
    void smaCrossWithShortsAtThreeTimesMakesShortRoundTripsAndReportsFundingAndLeverage() throws IOException {
        CliRun run = CliRun.in(dir, "backtest", "--strategy", "sma-cross", "--data", "eth-usd-5m", "--market", "perp", "--leverage", "3",
                "--param", "allowShort=true", "--funding-rate", "0.0001", "--out", "perp");
        BacktestResult expected = TradeKit.backtest().bars(DataSets.load("eth-usd-5m")).strategy("sma-cross", Map.of("allowShort", "true"))
                .linearPerpetual(PaperMarginRules.DEFAULT).leverage(new BigDecimal("3"))
                .funding(FundingRates.constant(new BigDecimal("0.0001"))).run();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(expected.roundTrips()).filteredOn(t -> t.side() == Side.SELL).hasSizeGreaterThan(3);
        assertThat(expected.roundTrips()).filteredOn(t -> t.side() == Side.BUY).hasSizeGreaterThan(3);
        PerpetualFigures perp = expected.perpetual().orElseThrow();
        assertThat(perp.fundingPaid().add(perp.fundingReceived())).isPositive();
        assertThat(perp.maxLeverageUsed()).isGreaterThan(new BigDecimal("2.5")).isLessThan(new BigDecimal("3.5"));

        JsonNode summary = json(dir.resolve("perp/summary.json"));
        assertThat(summary.get("roundTrips").asInt()).isEqualTo(expected.roundTrips().size());
        assertThat(summary.get("finalEquity").decimalValue()).isEqualByComparingTo(expected.finalEquity());
        JsonNode section = summary.get("perpetual");
        assertThat(section.get("leverage").decimalValue()).isEqualByComparingTo("3");
        assertThat(section.get("fundingPaid").decimalValue()).isEqualByComparingTo(perp.fundingPaid());
        assertThat(section.get("fundingReceived").decimalValue()).isEqualByComparingTo(perp.fundingReceived());
        assertThat(section.get("maxLeverageUsed").decimalValue()).isEqualByComparingTo(perp.maxLeverageUsed());
        assertThat(section.get("closestLiquidationDistance").decimalValue()).isEqualByComparingTo(perp.closestLiquidationDistance().orElseThrow());
        assertThat(section.get("liquidations").asInt()).isEqualTo(perp.liquidations());
        String html = Files.readString(dir.resolve("perp/report.html"));
        assertThat(html).contains("Perpetual futures", "funding paid", "funding received", "max leverage used", "closest approach to liquidation");
        assertThat(Files.readString(dir.resolve("perp/trades.csv"))).contains(",SHORT,", ",LONG,");
    }

    @Test
    void perpFlagsWithoutAPerpMarketAreRefusedNamingTheFlag() {
        CliRun run = CliRun.in(dir, "backtest", "--leverage", "3");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--leverage needs --market perp");
        CliRun both = CliRun.in(dir, "backtest", "--market", "perp", "--funding-rate", "0.0001", "--funding", "f.csv");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--funding-rate and --funding are both given");
    }

    @Test
    void aFundingFileWithABadLineIsRefusedNamingTheFileAndLine() throws IOException {
        Files.writeString(dir.resolve("rates.csv"), "time,rate\n2024-01-01T08:00:00Z,0.0001\n2024-01-01T16:00:00Z,abc\n");
        CliRun run = CliRun.in(dir, "backtest", "--market", "perp", "--funding", "rates.csv");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("rates.csv:3", "rate 'abc' is not a number");
    }
}
