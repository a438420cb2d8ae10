/**
 * JMH benchmarks of tradekit, run with {@code java -jar tradekit.jar bench [JMH arguments]} (see
 * {@link io.tradekit.examples.cli.BenchCommand}): the engine against ta4j, the grid, the hand-off from a venue
 * thread to the loop, each adapter's share of the path from a market data frame to a signed order, the SQLite journal
 * ({@link io.tradekit.examples.bench.JournalBenchmark}) and a restart over 100 000 fills
 * ({@link io.tradekit.examples.bench.RestartBenchmark}). {@link io.tradekit.examples.bench.RandomWalkBars}
 * makes their seeded bars. The numbers are measured here and reported, never asserted in a test.
 */
package io.tradekit.examples.bench;
