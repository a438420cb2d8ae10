package io.tradekit.advisor.optimize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.core.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OptimizationReportTest {

    @TempDir
    Path dir;

    @Test
    void writesEveryTrialTheFoldsAndThePage() throws IOException {
        // buyBelow 100..102 x sellAbove 100..103 = 12 sets a fold, of which buyBelow < sellAbove holds for 3 + 2 + 1 = 6.
        OptimizationResult result = new Optimizer(OptimizerTest.PLUGINS).run(TriangleBars.of(240),
                OptimizerTest.settings(OptimizerTest.band("100..102", "100..103")).withTrials(12).withFolds(2), ProgressListener.NONE);

        OptimizationReport.Written files = OptimizationReport.of(result).write(dir.resolve("opt"));

        List<String> csv = Files.readAllLines(files.trialsCsv());
        assertThat(csv.getFirst()).isEqualTo("fold,window,trial,buyBelow,sellAbove,status,objective,returnPct,sharpe,calmar,"
                + "maxDrawdownPct,roundTrips,winRate,finalEquity,problem");
        // 2 folds x (12 trials + 1 out-of-sample check).
        assertThat(csv).hasSize(1 + 2 * 13);
        assertThat(csv).filteredOn(l -> l.contains(",invalid,")).hasSize(12)
                .allSatisfy(l -> assertThat(l).endsWith("must be below 'sellAbove' (" + l.split(",")[4] + ")"));
        assertThat(csv).filteredOn(l -> l.contains(",out-of-sample,")).extracting(l -> l.split(",")[0]).containsExactly("1", "2");

        JsonNode summary = new ObjectMapper().readTree(files.summaryJson().toFile());
        assertThat(summary.get("walkForward").asText()).isEqualTo("anchored");
        assertThat(summary.get("trials").asInt()).isEqualTo(24);
        assertThat(summary.get("unrankedTrials").asInt()).isEqualTo(12);
        // 240 bars, 2 folds: blocks of 80; fold 2 searches [0, 160) and is checked on [160, 240).
        JsonNode fold2 = summary.get("foldResults").get(1);
        assertThat(fold2.at("/inSampleWindow/toBar").asInt()).isEqualTo(160);
        assertThat(fold2.at("/outOfSampleWindow/fromBar").asInt()).isEqualTo(160);
        assertThat(fold2.at("/outOfSampleWindow/toBar").asInt()).isEqualTo(240);
        assertThat(summary.at("/best/params/buyBelow").asText()).isEqualTo(result.bestParams().get("buyBelow"));

        assertThat(files.reportHtml()).content().contains("Walk-forward optimisation").contains("Folds: in sample and out of sample")
                .contains("Out-of-sample equity, folds chained").contains("objective (return)");
    }

    @Test
    void aCellWithACommaOrAQuoteIsQuoted() {
        assertThat(OptimizationReport.csvCell("plain")).isEqualTo("plain");
        assertThat(OptimizationReport.csvCell("a, b")).isEqualTo("\"a, b\"");
        assertThat(OptimizationReport.csvCell("say \"no\"")).isEqualTo("\"say \"\"no\"\"\"");
    }
}
