package io.tradekit.examples.cli;

import io.tradekit.api.Bar;
import io.tradekit.api.Timeframe;
import io.tradekit.data.DataSets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bars of a backtest over several pairs: {@code --symbols BTCUSDT,ETHUSDT} names the pairs in order,
 * {@code --data BTCUSDT=btc.csv,ETHUSDT=eth-usd-5m} gives each its data set or CSV file; every bar then
 * carries its pair's symbol. Every pair needs data, and data for a symbol not among the pairs is refused.
 */
final class PairData {

    static final String FORM = "SYMBOL=SET|FILE,... e.g. --data BTCUSDT=btc.csv,ETHUSDT=eth-usd-5m";

    private PairData() {
    }

    /** Each pair's bars, in the order of {@code --symbols}; a file's path is taken from {@code workingDirectory}. */
    static Map<String, List<Bar>> load(String symbolsFlag, Optional<String> dataFlag, Optional<Timeframe> timeframe, Path workingDirectory) {
        List<String> symbols = symbols(symbolsFlag);
        String data = dataFlag.orElseThrow(() -> new UsageException("--symbols needs --data with each pair's data: " + FORM));
        Map<String, String> sources = new LinkedHashMap<>();
        for (String entry : data.split(",")) {
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new UsageException("--data: '" + entry.trim() + "' is not SYMBOL=SET|FILE; with --symbols write " + FORM);
            }
            String symbol = entry.substring(0, eq).trim();
            if (!symbols.contains(symbol)) {
                throw new UsageException("--data: " + symbol + " is not one of --symbols " + String.join(",", symbols));
            }
            if (sources.put(symbol, entry.substring(eq + 1).trim()) != null) throw new UsageException("--data: " + symbol + " is given twice");
        }
        Map<String, List<Bar>> bars = new LinkedHashMap<>();
        for (String symbol : symbols) {
            String source = sources.get(symbol);
            if (source == null) throw new UsageException("--data: no data for " + symbol + " (one of --symbols); write " + FORM);
            String dataSet = DataSets.names().contains(source) ? source : workingDirectory.resolve(source).toString();
            bars.put(symbol, DataSets.load(dataSet, Optional.of(symbol), timeframe));
        }
        return bars;
    }

    private static List<String> symbols(String flag) {
        List<String> symbols = new ArrayList<>();
        for (String s : flag.split(",")) {
            String symbol = s.trim();
            if (symbol.isEmpty()) throw new UsageException("--symbols: '" + flag + "' has an empty symbol; write e.g. --symbols BTCUSDT,ETHUSDT");
            if (symbols.contains(symbol)) throw new UsageException("--symbols: " + symbol + " is listed twice");
            symbols.add(symbol);
        }
        return symbols;
    }

    /** All pairs' bars in one list (the report draws each pair's price from its own). */
    static List<Bar> all(Map<String, List<Bar>> bars) {
        List<Bar> out = new ArrayList<>();
        bars.values().forEach(out::addAll);
        return out;
    }
}
