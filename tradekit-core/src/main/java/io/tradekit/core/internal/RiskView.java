package io.tradekit.core.internal;

import io.tradekit.api.Bar;
import io.tradekit.api.BotState;
import io.tradekit.api.Instrument;
import io.tradekit.api.MarginAccount;
import io.tradekit.api.Order;
import io.tradekit.api.Position;
import io.tradekit.api.spi.RiskContext;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What risk policies are handed: the bot's account through {@link RiskContext} and nothing more. The engine's own
 * context also serves strategies (it can submit and cancel orders), so a policy given that object could cast it and
 * trade; this view wraps it, answering every read and offering no way to act.
 */
final class RiskView implements RiskContext {

    private final RiskContext account;

    RiskView(RiskContext account) {
        this.account = account;
    }

    @Override
    public Instant now() {
        return account.now();
    }

    @Override
    public BotState state() {
        return account.state();
    }

    @Override
    public BigDecimal equity() {
        return account.equity();
    }

    @Override
    public BigDecimal peakEquity() {
        return account.peakEquity();
    }

    @Override
    public BigDecimal dayStartEquity() {
        return account.dayStartEquity();
    }

    @Override
    public BigDecimal cash() {
        return account.cash();
    }

    @Override
    public Position position(String symbol) {
        return account.position(symbol);
    }

    @Override
    public Collection<Position> positions() {
        return account.positions();
    }

    @Override
    public Instrument instrument(String symbol) {
        return account.instrument(symbol);
    }

    @Override
    public BigDecimal lastPrice(String symbol) {
        return account.lastPrice(symbol);
    }

    @Override
    public Optional<Instant> lastDataTime(String symbol) {
        return account.lastDataTime(symbol);
    }

    @Override
    public List<Order> openOrders() {
        return account.openOrders();
    }

    @Override
    public List<Bar> recentBars(String symbol, int count) {
        return account.recentBars(symbol, count);
    }

    @Override
    public List<BigDecimal> recentTradePnl(int count) {
        return account.recentTradePnl(count);
    }

    @Override
    public BigDecimal markPrice(String symbol) {
        return account.markPrice(symbol);
    }

    @Override
    public BigDecimal exposure(String symbol) {
        return account.exposure(symbol);
    }

    @Override
    public Optional<BigDecimal> liquidationPrice(String symbol) {
        return account.liquidationPrice(symbol);
    }

    @Override
    public Optional<BigDecimal> liquidationDistance(String symbol) {
        return account.liquidationDistance(symbol);
    }

    @Override
    public BigDecimal leverageUsed() {
        return account.leverageUsed();
    }

    @Override
    public MarginAccount marginAccount() {
        return account.marginAccount();
    }
}
