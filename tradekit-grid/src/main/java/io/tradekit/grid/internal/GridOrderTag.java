package io.tradekit.grid.internal;

import io.tradekit.api.Side;
import io.tradekit.grid.LevelSizing;
import io.tradekit.grid.SizeMode;
import io.tradekit.grid.SpacingMode;
import io.tradekit.grid.SpacingUnit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * What the tag of a grid order says about it. The engine writes an order's tag to the journal with the
 * order itself, before the order is sent, so whatever the tag holds survives any crash exactly as the
 * order does: which grid (build) and pair the order belongs to, what the pair paid for what a sell
 * sells, and the grid's configuration. A restarted grid rebuilds its working book from the tags of the
 * orders that are still open, and never places a level's order twice.
 *
 * <p>Written {@code grid:L<level> <build> <pair> <kind> <entry cost> <entry fees> <config>}, with
 * {@code -} for a value that does not apply; for example
 * {@code grid:L4 1 3 SELL 301.5 0.06 100,1,A,A,2,2,,,l,1,B,10,10,1,A,1704067260}.
 *
 * @param build     the number of the grid the order belongs to: 1 for the first, one more per rebuild
 * @param pair      the pair whose order it is, or -1 for a bootstrap or trim
 * @param kind      what the order does for the grid
 * @param entryCost for a closing order, what the pair's opening cost or brought (quote), else zero
 * @param entryFees for a closing order, the fees its opening paid (quote), else zero
 * @param config    the grid's configuration and the spacing it was derived from, as {@link #encode} writes it
 */
public record GridOrderTag(long build, int pair, Kind kind, BigDecimal entryCost, BigDecimal entryFees, String config) {

    /** What an order does for the grid. */
    public enum Kind { BUY, SELL, BOOTSTRAP, TRIM }

    /** The prefix of every grid order's tag. */
    public static final String PREFIX = "grid:";

    /**
     * The tag of a level's buy or sell; {@code level} is where its price is. A closing order (a long pair's
     * sell, a short pair's buy) carries what the pair's opening cost or brought.
     */
    static String level(long build, int pair, Side side, boolean closing, int level, BigDecimal entryCost, BigDecimal entryFees,
                        String config) {
        StringBuilder b = new StringBuilder(48 + config.length()).append(PREFIX).append('L').append(level).append(' ').append(build).append(' ')
                .append(pair).append(' ').append(side.name());
        if (closing) b.append(' ').append(entryCost.toPlainString()).append(' ').append(entryFees.toPlainString());
        else b.append(" - -");
        return b.append(' ').append(config).toString();
    }

    /** The tag of a bootstrap buy of inventory at market, or a trim (a reduce-only order that closes what the pairs do not need). */
    static String inventory(long build, boolean bootstrap, String config) {
        return PREFIX + (bootstrap ? "bootstrap " : "trim ") + build + " -1 " + (bootstrap ? "BOOTSTRAP" : "TRIM") + " - - " + config;
    }

    /** Reads a tag this class wrote; empty for any other tag (another strategy's, or an older grid's). */
    public static Optional<GridOrderTag> parse(String tag) {
        if (tag == null || !tag.startsWith(PREFIX)) return Optional.empty();
        String[] f = tag.split(" ");
        if (f.length != 7) return Optional.empty();
        try {
            Kind kind = Kind.valueOf(f[3]);
            BigDecimal cost = f[4].equals("-") ? BigDecimal.ZERO : new BigDecimal(f[4]);
            BigDecimal fees = f[5].equals("-") ? BigDecimal.ZERO : new BigDecimal(f[5]);
            decode(f[6]);
            return Optional.of(new GridOrderTag(Long.parseLong(f[1]), Integer.parseInt(f[2]), kind, cost, fees, f[6]));
        } catch (RuntimeException e) {
            return Optional.empty(); // not a tag of this scheme: the order is not one the grid can adopt
        }
    }

    /** The configuration, its base spacing and when the grid was laid out, as one comma-separated field without spaces. */
    public static String encode(GridShape c, BigDecimal baseSpacing, SpacingUnit baseUnit, Instant builtAt) {
        return String.join(",", c.center().toPlainString(), c.spacing().toPlainString(), c.spacingUnit().name().substring(0, 1),
                c.spacingMode().name().substring(0, 1), Integer.toString(c.levelsDown()), Integer.toString(c.levelsUp()),
                c.lower().map(BigDecimal::toPlainString).orElse(""), c.upper().map(BigDecimal::toPlainString).orElse(""),
                c.sizing() instanceof LevelSizing.Budget ? "b" : "l", c.sizing().amount().toPlainString(), c.sizing().mode().name().substring(0, 1),
                c.makerFeeBps().toPlainString(), c.takerFeeBps().toPlainString(), baseSpacing.toPlainString(), baseUnit.name().substring(0, 1),
                Long.toString(builtAt.getEpochSecond()));
    }

    /** A configuration, with the spacing it started from and when it was laid out, read back from {@link #encode}'s form. */
    public record Encoded(GridShape config, BigDecimal baseSpacing, SpacingUnit baseUnit, Instant builtAt) {
    }

    public static Encoded decode(String code) {
        String[] v = code.split(",", -1);
        if (v.length != 16) throw new IllegalArgumentException("grid config code has " + v.length + " fields, expected 16");
        SizeMode mode = v[10].equals("Q") ? SizeMode.QUOTE : SizeMode.BASE;
        BigDecimal amount = new BigDecimal(v[9]);
        LevelSizing sizing = v[8].equals("b") ? LevelSizing.budget(amount, mode) : LevelSizing.perLevel(amount, mode);
        GridShape config = new GridShape(new BigDecimal(v[0]), new BigDecimal(v[1]), unit(v[2]),
                v[3].equals("G") ? SpacingMode.GEOMETRIC : SpacingMode.ARITHMETIC, Integer.parseInt(v[4]), Integer.parseInt(v[5]),
                v[6].isEmpty() ? Optional.empty() : Optional.of(new BigDecimal(v[6])), v[7].isEmpty() ? Optional.empty() : Optional.of(new BigDecimal(v[7])),
                sizing, new BigDecimal(v[11]), new BigDecimal(v[12]));
        return new Encoded(config, new BigDecimal(v[13]), unit(v[14]), Instant.ofEpochSecond(Long.parseLong(v[15])));
    }

    private static SpacingUnit unit(String letter) {
        return letter.equals("P") ? SpacingUnit.PERCENT : SpacingUnit.ABSOLUTE;
    }
}
