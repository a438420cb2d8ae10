/**
 * Historical bars for backtests and replays, without the command line. {@link io.tradekit.data.DataSets} is
 * the entry point: it loads one of the bundled data sets by name (see {@link io.tradekit.data.DataSets#names()})
 * or a CSV file by path; {@link io.tradekit.data.OhlcvCsvReader} reads a
 * {@code timestamp,open,high,low,close,volume} CSV file directly, and {@link io.tradekit.data.Utf8Lines} is the
 * bounded, UTF-8-checked line reader every file a person gives goes through. Every defect in a file is an
 * {@link io.tradekit.api.InvalidInputException} naming the file, the line and the problem.
 *
 * <pre>{@code List<Bar> bars = DataSets.load("eth-usd-5m");}</pre>
 */
package io.tradekit.data;
