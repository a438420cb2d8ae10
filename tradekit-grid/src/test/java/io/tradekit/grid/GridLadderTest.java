package io.tradekit.grid;

import io.tradekit.api.Instrument;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Side;
import io.tradekit.grid.internal.GridShape;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GridLadderTest {

    private static final Instrument BTC = PricePath.BTC;

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    private static List<String> prices(GridLadder ladder) {
        return ladder.levels().stream().map(l -> l.price().toPlainString()).toList();
    }

    private static GridShape.Builder grid() {
        return GridShape.builder().center(d("100")).sizePerLevel(BigDecimal.ONE, SizeMode.BASE);
    }

    @Test
    void aLevelsQuantityAndItsLimitPriceHaveNoTrailingZerosAndTheLimitIsOneSharedInstance() {
        GridLadder ladder = GridLadder.build(grid().sizePerLevel(d("0.5000"), SizeMode.BASE).spacing(d("1"), SpacingUnit.ABSOLUTE).levels(2).build(), BTC);
        // As OrderRounding gives an order's quantity, so that every order placed from the level can share this number.
        assertThat(ladder.quantity(0)).isEqualTo(d("0.5"));
        // The level's price as an order's limit is rounded (trailing zeros stripped), one instance for every order.
        assertThat(ladder.price(1)).isEqualTo(d("99.00"));
        assertThat(ladder.limitPrice(1)).contains(d("99"));
        assertThat(ladder.limitPrice(1)).isSameAs(ladder.limitPrice(1));

        GridLadder whole = GridLadder.build(grid().sizePerLevel(d("100"), SizeMode.BASE).spacing(d("1"), SpacingUnit.ABSOLUTE).levels(2).build(), BTC);
        assertThat(whole.quantity(0)).isEqualTo(d("100")); // not 1E+2
    }

    @Test
    void arithmeticLevelsStepByTheSpacingFromTheCenter() {
        GridLadder ladder = GridLadder.build(grid().spacing(d("1"), SpacingUnit.ABSOLUTE).levels(2).build(), BTC);
        assertThat(prices(ladder)).containsExactly("98.00", "99.00", "100.00", "101.00", "102.00");
        assertThat(ladder.centerIndex()).isEqualTo(2);
        assertThat(ladder.pairs()).isEqualTo(4);
    }

    @Test
    void percentSpacingOnAnArithmeticGridIsAFixedStepOfTheCenter() {
        GridLadder ladder = GridLadder.build(grid().spacing(d("0.25"), SpacingUnit.PERCENT).levels(2).build(), BTC);
        assertThat(prices(ladder)).containsExactly("99.50", "99.75", "100.00", "100.25", "100.50");
    }

    @Test
    void geometricLevelsMultiplyByOnePlusTheSpacingAndRoundHalfEvenToTheTick() {
        GridLadder ladder = GridLadder.build(grid().spacing(d("1"), SpacingUnit.PERCENT).spacingMode(SpacingMode.GEOMETRIC).levels(3).build(), BTC);
        // 100/1.01^3 = 97.0590..., 100/1.01^2 = 98.0296..., 100/1.01 = 99.0099..., 101, 102.01, 103.0301
        assertThat(prices(ladder)).containsExactly("97.06", "98.03", "99.01", "100.00", "101.00", "102.01", "103.03");
    }

    @Test
    void geometricLevelsStayExactFarFromTheCenter() {
        GridLadder ladder = GridLadder.build(GridShape.builder().center(d("1")).sizePerLevel(d("1000"), SizeMode.BASE)
                .spacing(d("10"), SpacingUnit.PERCENT).spacingMode(SpacingMode.GEOMETRIC).levels(40).fees(BigDecimal.ZERO, BigDecimal.ZERO)
                .build(), new Instrument("X", "X", "USD", d("0.00000001"), d("0.0001"), BigDecimal.ZERO, BigDecimal.ZERO));
        // 1.1^40 = 45.2592555681759...; 1/1.1^40 = 0.0220949281521...
        assertThat(ladder.highest()).isEqualByComparingTo("45.25925557");
        assertThat(ladder.lowest()).isEqualByComparingTo("0.02209493");
    }

    @Test
    void geometricAbsoluteSpacingIsTheFirstStepAboveTheCenter() {
        GridLadder ladder = GridLadder.build(grid().spacing(d("2"), SpacingUnit.ABSOLUTE).spacingMode(SpacingMode.GEOMETRIC).levels(1).build(), BTC);
        // ratio 1.02: 100/1.02 = 98.0392...
        assertThat(prices(ladder)).containsExactly("98.04", "100.00", "102.00");
    }

    @Test
    void levelsThatFallBetweenTicksRoundToTheNearestTick() {
        Instrument halfTick = new Instrument("BTCUSDT", "BTC", "USDT", d("0.5"), d("0.0001"), BigDecimal.ZERO, BigDecimal.ZERO);
        GridLadder ladder = GridLadder.build(grid().spacing(d("0.7"), SpacingUnit.ABSOLUTE).levels(3).build(), halfTick);
        // 97.9 98.6 99.3 100 100.7 101.4 102.1 on a 0.5 tick
        assertThat(prices(ladder)).containsExactly("98.0", "98.5", "99.5", "100.0", "100.5", "101.5", "102.0");
        for (GridLevel level : ladder.levels()) assertThat(halfTick.isOnTick(level.price())).isTrue();
    }

    @Test
    void aCenterOffTheTickIsRoundedOntoIt() {
        GridLadder ladder = GridLadder.build(grid().center(d("100.004")).spacing(d("1"), SpacingUnit.ABSOLUTE).levels(1).build(), BTC);
        assertThat(ladder.center()).isEqualByComparingTo("100.00");
        assertThat(prices(ladder)).containsExactly("99.00", "100.00", "101.00");
    }

    @Test
    void boundsCutOffTheLevelsBeyondThem() {
        GridLadder ladder = GridLadder.build(grid().spacing(d("1"), SpacingUnit.ABSOLUTE).levels(5).lower(d("97.5")).upper(d("102")).build(), BTC);
        assertThat(prices(ladder)).containsExactly("98.00", "99.00", "100.00", "101.00", "102.00");
        assertThat(ladder.centerIndex()).isEqualTo(2);
    }

    @Test
    void sizePerLevelInQuoteBuysMoreOnLowerLevels() {
        GridLadder ladder = GridLadder.build(GridShape.builder().center(d("100")).spacing(d("20"), SpacingUnit.ABSOLUTE).levels(2)
                .sizePerLevel(d("120"), SizeMode.QUOTE).build(), BTC);
        // levels 60 80 100 120 140; pair i buys at level i: 120/60, 120/80, 120/100, 120/120
        assertThat(ladder.quantity(0)).isEqualByComparingTo("2");
        assertThat(ladder.quantity(1)).isEqualByComparingTo("1.5");
        assertThat(ladder.quantity(2)).isEqualByComparingTo("1.2");
        assertThat(ladder.quantity(3)).isEqualByComparingTo("1");
    }

    @Test
    void aQuoteBudgetIsSplitEquallyInQuoteAndRoundedDownToTheStep() {
        GridLadder ladder = GridLadder.build(GridShape.builder().center(d("100")).spacing(d("1"), SpacingUnit.ABSOLUTE).levels(1)
                .budget(d("100"), SizeMode.QUOTE).build(), BTC);
        // 50 per pair: 50/99 = 0.50505... -> 0.505; 50/100 = 0.5
        assertThat(ladder.quantity(0)).isEqualByComparingTo("0.505");
        assertThat(ladder.quantity(1)).isEqualByComparingTo("0.5");
        assertThat(ladder.capital()).isEqualByComparingTo("99.995");
    }

    @Test
    void aBaseBudgetGivesEveryLevelTheSameQuantity() {
        GridLadder ladder = GridLadder.build(GridShape.builder().center(d("100")).spacing(d("1"), SpacingUnit.ABSOLUTE).levels(1)
                .budget(d("100"), SizeMode.BASE).build(), BTC);
        // 100 / (99 + 100) = 0.50251... -> 0.5025 each
        assertThat(ladder.quantity(0)).isEqualByComparingTo("0.5025");
        assertThat(ladder.quantity(1)).isEqualByComparingTo("0.5025");
    }

    @Test
    void expectedProfitOfARoundTripIsTheSpreadLessMakerFeesOnBothLegs() {
        GridLadder ladder = GridLadder.build(grid().spacing(d("1"), SpacingUnit.ABSOLUTE).levels(1).fees(d("10"), d("20")).build(), BTC);
        // pair 0: (100 - 99) * 1 - 0.001 * (99 + 100) = 0.801
        assertThat(ladder.expectedProfit(0)).isEqualByComparingTo("0.801");
    }

    @Test
    void planBuysBelowSellsAboveAndLeavesTheLevelThePriceSitsOnEmpty() {
        GridLadder ladder = GridLadder.build(grid().spacing(d("1"), SpacingUnit.ABSOLUTE).levels(2).build(), BTC);
        GridPlan plan = ladder.plan(d("99.4"));
        assertThat(plan.anchor()).isEqualTo(1);
        assertThat(plan.sideAt(0)).contains(Side.BUY);
        assertThat(plan.sideAt(1)).isEmpty();
        assertThat(plan.sideAt(2)).contains(Side.SELL);
        assertThat(plan.sideAt(4)).contains(Side.SELL);
        assertThat(plan.buyCount()).isEqualTo(1);
        assertThat(plan.sellCount()).isEqualTo(3);
        assertThat(ladder.plan(d("99.6")).anchor()).isEqualTo(2);
        assertThat(ladder.plan(d("99.5")).anchor()).as("a tie goes to the lower level").isEqualTo(1);
        assertThat(ladder.plan(d("50")).anchor()).as("below the grid: all sells").isZero();
        assertThat(ladder.plan(d("150")).anchor()).as("above the grid: all buys").isEqualTo(4);
    }

    @Test
    void extendedLevelsContinueTheSpacingPastBothEnds() {
        GridLadder geometric = GridLadder.build(grid().spacing(d("1"), SpacingUnit.PERCENT).spacingMode(SpacingMode.GEOMETRIC).levels(1).build(), BTC);
        assertThat(geometric.extendedPrice(4)).contains(d("103.03"));
        assertThat(geometric.extendedPrice(-1)).contains(d("98.03"));
        GridLadder arithmetic = GridLadder.build(grid().spacing(d("40"), SpacingUnit.ABSOLUTE).levels(2).fees(BigDecimal.ZERO, BigDecimal.ZERO).build(), BTC);
        assertThat(arithmetic.extendedPrice(-1)).as("an arithmetic grid does not reach below zero").isEmpty();
    }

    @Test
    void levelsThatRoundOntoOneTickAreRefusedNamingTheSpacing() {
        Instrument coarse = new Instrument("BTCUSDT", "BTC", "USDT", d("1"), d("0.0001"), BigDecimal.ZERO, BigDecimal.ZERO);
        assertThatThrownBy(() -> GridLadder.build(grid().spacing(d("0.4"), SpacingUnit.ABSOLUTE).levels(2).fees(BigDecimal.ZERO, BigDecimal.ZERO).build(), coarse))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'spacing' 0.4").hasMessageContaining("tick 1");
    }

    @Test
    void arithmeticLevelsAtOrBelowZeroAreRefusedNamingTheLevels() {
        assertThatThrownBy(() -> GridLadder.build(grid().spacing(d("30"), SpacingUnit.ABSOLUTE).levels(4).fees(BigDecimal.ZERO, BigDecimal.ZERO).build(), BTC))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'levels-down' 4").hasMessageContaining("-4");
    }

    @Test
    void aSpacingThatDoesNotPayTheFeesIsRefused() {
        assertThatThrownBy(() -> GridLadder.build(grid().spacing(d("0.15"), SpacingUnit.PERCENT).levels(2).build(), BTC))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'spacing' 0.15 %").hasMessageContaining("does not pay the fees");
    }

    @Test
    void aLevelBelowTheInstrumentsMinimumNotionalIsRefusedNamingTheBudget() {
        Instrument strict = new Instrument("BTCUSDT", "BTC", "USDT", d("0.01"), d("0.0001"), d("0.001"), d("10"));
        assertThatThrownBy(() -> GridLadder.build(GridShape.builder().center(d("100")).spacing(d("1"), SpacingUnit.ABSOLUTE).levels(5)
                .budget(d("50"), SizeMode.QUOTE).build(), strict))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'budget' 50").hasMessageContaining("minimum notional 10");
    }

    @Test
    void invalidConfigValuesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> grid().spacing(d("-1"), SpacingUnit.ABSOLUTE).build()).hasMessageContaining("'spacing' must be positive");
        assertThatThrownBy(() -> grid().center(null).spacing(d("1"), SpacingUnit.ABSOLUTE).build()).hasMessageContaining("'center' is required");
        assertThatThrownBy(() -> grid().spacing(d("1"), SpacingUnit.ABSOLUTE).levelsDown(0).build()).hasMessageContaining("'levels-down' is 0");
        assertThatThrownBy(() -> grid().spacing(d("1"), SpacingUnit.ABSOLUTE).lower(d("100")).build()).hasMessageContaining("'lower' 100");
        assertThatThrownBy(() -> grid().spacing(d("1"), SpacingUnit.ABSOLUTE).upper(d("99")).build()).hasMessageContaining("'upper' 99");
        assertThatThrownBy(() -> grid().spacing(d("100"), SpacingUnit.PERCENT).build()).hasMessageContaining("'spacing' is 100 %");
        assertThatThrownBy(() -> grid().spacing(d("1"), SpacingUnit.ABSOLUTE).sizePerLevel(BigDecimal.ZERO, SizeMode.BASE).build())
                .hasMessageContaining("'size-per-level' must be positive");
        assertThatThrownBy(() -> grid().spacing(d("1"), SpacingUnit.ABSOLUTE).budget(d("-5"), SizeMode.QUOTE).build())
                .hasMessageContaining("'budget' must be positive");
        assertThatThrownBy(() -> grid().spacing(d("1"), SpacingUnit.ABSOLUTE).fees(d("-1"), d("10")).build()).hasMessageContaining("'maker-fee-bps'");
        assertThatThrownBy(() -> GridShape.builder().center(d("100")).spacing(d("1"), SpacingUnit.ABSOLUTE).build())
                .hasMessageContaining("'size-per-level' or 'budget' is required");
    }

    @Test
    void aHostGivesAnExactGridAsGridSettingsTheOneGridConfigurationAndMissingValuesAreNamedAsBefore() {
        assertThatThrownBy(() -> Class.forName("io.tradekit.grid.GridConfig")).isInstanceOf(ClassNotFoundException.class);
        GridSettings exact = GridSettings.builder().center(d("100")).spacing(d("1"), SpacingUnit.ABSOLUTE).levels(2)
                .sizePerLevel(BigDecimal.ONE).sizeMode(SizeMode.BASE).build();

        GridLadder ladder = GridLadder.build(exact, BTC);

        assertThat(prices(ladder)).containsExactly("98.00", "99.00", "100.00", "101.00", "102.00"); // 100 -/+ 1 and 2
        assertThat(ladder.config()).isEqualTo(exact);
        assertThatThrownBy(() -> GridLadder.build(GridSettings.builder().center(d("100")).spacing(d("1"), SpacingUnit.ABSOLUTE).levels(2).build(), BTC))
                .isInstanceOf(InvalidInputException.class).hasMessage("grid: 'size-per-level' or 'budget' is required");
        assertThatThrownBy(() -> GridLadder.build(GridSettings.builder().center(d("100")).spacing(d("1"), SpacingUnit.ABSOLUTE).build(), BTC))
                .isInstanceOf(InvalidInputException.class).hasMessage("grid: 'levels' is required for an exact grid");
    }
}
