package io.tradekit.examples.cli;

import io.tradekit.api.InvalidInputException;
import io.tradekit.core.perp.FundingRates;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The market flags of {@code backtest} and {@code replay}: {@code --market spot|perp}, and for a perpetual
 * {@code --leverage N} with the funding from {@code --funding-rate R} (every eight hours) or
 * {@code --funding FILE} (a CSV of {@code time,rate}). Without either, a perp run on a CSV data file uses
 * {@code <file>.funding.csv} beside it when there is one, and no funding otherwise.
 */
final class PerpFlags {

    /** A run's market: spot, or a linear perpetual with its leverage and funding rates. */
    record Market(boolean perpetual, BigDecimal leverage, FundingRates funding, String fundingSource) {
        static final Market SPOT = new Market(false, BigDecimal.ONE, FundingRates.NONE, "");
    }

    private PerpFlags() {
    }

    static Options declare(Options options) {
        return options
                .value("market", "spot|perp", "trade the bars as spot (default) or as a USDT-margined linear perpetual")
                .value("leverage", "N", "leverage of a perp run, 1 to the paper venue's 100 (default 1)")
                .value("funding-rate", "RATE", "a perp run's funding rate every 8 h, e.g. 0.0001 = 0.01 % paid by longs")
                .value("funding", "FILE", "a perp run's funding rates, a CSV of time,rate (ISO-8601 or epoch ms)");
    }

    /** The market the flags ask for; {@code dataFile} is the bars' CSV file when the data is one. */
    static Market market(Options.Parsed flags, Path workingDirectory, Optional<Path> dataFile) {
        String market = flags.value("market", "spot");
        boolean perp = switch (market) {
            case "spot" -> false;
            case "perp" -> true;
            default -> throw new UsageException("--market is '" + market + "'; expected spot or perp");
        };
        if (!perp) {
            for (String flag : new String[]{"leverage", "funding-rate", "funding"}) {
                if (flags.value(flag).isPresent()) throw new UsageException("--" + flag + " needs --market perp");
            }
            return Market.SPOT;
        }
        BigDecimal leverage = RiskFlags.decimal("leverage", flags.value("leverage", "1"));
        if (leverage.compareTo(BigDecimal.ONE) < 0) {
            throw new UsageException("--leverage is " + leverage.toPlainString() + "; expected 1 or more");
        }
        Optional<String> rate = flags.value("funding-rate");
        Optional<String> file = flags.value("funding");
        if (rate.isPresent() && file.isPresent()) throw new UsageException("--funding-rate and --funding are both given; give one");
        try {
            if (rate.isPresent()) {
                return new Market(true, leverage, FundingRates.constant(RiskFlags.decimal("funding-rate", rate.get())), "rate " + rate.get());
            }
            Optional<Path> series = file.map(workingDirectory::resolve).or(() -> dataFile.map(PerpFlags::besideTheBars).filter(Files::isRegularFile));
            if (series.isPresent()) return new Market(true, leverage, FundingRates.read(series.get()), series.get().toString());
        } catch (InvalidInputException e) {
            throw new InvalidInputException((rate.isPresent() ? "--funding-rate: " : "--funding: ") + e.getMessage(), e);
        }
        return new Market(true, leverage, FundingRates.NONE, "none");
    }

    /** {@code data/eth.csv} → {@code data/eth.funding.csv}. */
    static Path besideTheBars(Path bars) {
        String name = bars.getFileName().toString();
        String stem = name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return bars.resolveSibling(stem + ".funding.csv");
    }
}
