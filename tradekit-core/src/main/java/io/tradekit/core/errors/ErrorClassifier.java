package io.tradekit.core.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.ExchangeException;
import io.tradekit.api.OrderRejectedException;
import io.tradekit.api.RecoveryAction;
import io.tradekit.api.TradeKitException;

import javax.net.ssl.SSLHandshakeException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.InterruptedByTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.FileSystemException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Gives any failure a category and a recovery action. A {@link TradeKitException} (and so every
 * {@link ExchangeException} and {@link OrderRejectedException}) keeps the category its thrower gave it;
 * anything else is judged by its cause chain, the root cause first where it is more telling:
 *
 * <table>
 *   <caption>How a throwable that is not a TradeKitException is classified</caption>
 *   <tr><th>throwable</th><th>category</th><th>action</th></tr>
 *   <tr><td>{@code ConnectException}, {@code NoRouteToHostException}, {@code UnknownHostException},
 *       {@code PortUnreachableException}, {@code UnresolvedAddressException}, {@code HttpConnectTimeoutException},
 *       {@code SSLHandshakeException}</td><td>NETWORK</td><td>RETRY: the connection was never made, so nothing
 *       was sent</td></tr>
 *   <tr><td>{@code HttpTimeoutException}, {@code SocketTimeoutException}, {@code InterruptedByTimeoutException},
 *       {@code TimeoutException}</td><td>TIMEOUT</td><td>RETRY</td></tr>
 *   <tr><td>any other {@code IOException} ({@code SocketException: Connection reset}, {@code EOFException},
 *       broken pipe, a closed channel...)</td><td>UNKNOWN_OUTCOME</td><td>RESYNC_STATE: the connection broke while
 *       the request or its answer was on the wire, so the request may have taken effect</td></tr>
 *   <tr><td>{@code JsonProcessingException}, {@code DateTimeException}, {@code NumberFormatException}</td>
 *       <td>MALFORMED_DATA</td><td>SKIP</td></tr>
 *   <tr><td>{@code SQLTransientException}, {@code SQLRecoverableException}, SQLite BUSY or LOCKED</td>
 *       <td>INTERNAL</td><td>RETRY</td></tr>
 *   <tr><td>any other {@code SQLException}</td><td>INTERNAL</td><td>HALT: the journal cannot be written, and
 *       trading without it would break the write-ahead promise</td></tr>
 *   <tr><td>{@code FileSystemException}, {@code FileNotFoundException}</td><td>INTERNAL</td><td>PAUSE</td></tr>
 *   <tr><td>{@code Error} (out of memory, stack overflow)</td><td>INTERNAL</td><td>HALT</td></tr>
 *   <tr><td>any other {@code RuntimeException} or exception</td><td>INTERNAL</td><td>PAUSE: a defect</td></tr>
 * </table>
 *
 * <p>Wrappers ({@code CompletionException}, {@code ExecutionException}, {@code UncheckedIOException},
 * reflection wrappers, a JDBI or other library exception with a cause) are looked through.
 *
 * <p><b>New orders.</b> A network error is never an order failure by itself. {@link #placement} says
 * whether a failed request for a new order proves the order is not at the venue: a refusal by the
 * venue or a connection that was never made does; a timeout, a connection that broke after the
 * request left, an unreadable answer or a bare 5xx does not, and the order is looked up by its client
 * order id instead (see {@link PlacementOutcome}).
 */
public final class ErrorClassifier {

    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    private static final int MAX_CHAIN = 32;

    private ErrorClassifier() {
    }

    /**
     * The category and recovery action of any failure; {@code null} counts as an internal error.
     *
     * @param failure the failure, with its cause chain; may be null
     * @return the category and action of the first throwable in the chain that decides one (a tradekit exception carries
     *         its own); INTERNAL with PAUSE when nothing does
     */
    public static ClassifiedError classify(Throwable failure) {
        if (failure == null) return new ClassifiedError(ErrorCategory.INTERNAL, RecoveryAction.PAUSE, "no failure was given");
        List<Throwable> chain = chain(failure);
        Throwable malformed = null;
        Throwable brokenConnection = null;
        for (Throwable t : chain) {
            if (t instanceof TradeKitException k) return new ClassifiedError(k.category(), k.recoveryAction(), describe(k));
            if (t instanceof JsonProcessingException) return of(ErrorCategory.MALFORMED_DATA, RecoveryAction.SKIP, t);
            if (isConnectionNeverMade(t)) return of(ErrorCategory.NETWORK, RecoveryAction.RETRY, t);
            if (isTimeout(t)) return of(ErrorCategory.TIMEOUT, RecoveryAction.RETRY, t);
            if (t instanceof SQLException sql) return ofSql(sql);
            if (t instanceof FileSystemException || t instanceof FileNotFoundException) {
                return of(ErrorCategory.INTERNAL, RecoveryAction.PAUSE, t);
            }
            if (t instanceof Error) return of(ErrorCategory.INTERNAL, RecoveryAction.HALT, t);
            // A generic I/O failure may wrap a more telling root cause (a refused connection), so look deeper first.
            if (t instanceof IOException && brokenConnection == null) brokenConnection = t;
            if ((t instanceof DateTimeException || t instanceof NumberFormatException) && malformed == null) malformed = t;
        }
        if (brokenConnection != null) return of(ErrorCategory.UNKNOWN_OUTCOME, RecoveryAction.RESYNC_STATE, brokenConnection);
        if (malformed != null) return of(ErrorCategory.MALFORMED_DATA, RecoveryAction.SKIP, malformed);
        return of(ErrorCategory.INTERNAL, RecoveryAction.PAUSE, chain.get(0));
    }

    /**
     * Whether a failed request for a new order proves that the order never reached the venue's books.
     * <ul>
     *   <li>{@link OrderRejectedException} of any category, and RATE_LIMIT, AUTH, CLOCK_SKEW,
     *       INSUFFICIENT_FUNDS, INVALID_ORDER, INVALID_INPUT: the venue answered with a refusal, or the
     *       request was refused before it left: NOT_PLACED.</li>
     *   <li>NETWORK: by tradekit's convention (see {@code io.tradekit.core.net.Retrier}) the request
     *       never left, so NOT_PLACED; unless its cause chain shows a connection that broke after it was
     *       made (a reset, an EOF), in which case MAYBE_PLACED.</li>
     *   <li>VENUE_UNAVAILABLE: NOT_PLACED when the venue answered with its own error code (it refused,
     *       e.g. Binance {@code -1008} overloaded); MAYBE_PLACED for a bare 5xx without one, which may come
     *       from a gateway after the matching engine took the order.</li>
     *   <li>TIMEOUT, UNKNOWN_OUTCOME, MALFORMED_DATA (the answer could not be read), ORDER_NOT_FOUND,
     *       INTERNAL: MAYBE_PLACED.</li>
     * </ul>
     *
     * @param failure the failure of a new-order request; may be null (then MAYBE_PLACED)
     * @return NOT_PLACED only when the failure proves the order is not on the venue's books; MAYBE_PLACED otherwise
     */
    public static PlacementOutcome placement(Throwable failure) {
        TradeKitException outermost = null;
        if (failure != null) {
            for (Throwable t : chain(failure)) {
                if (t instanceof TradeKitException k) {
                    outermost = k;
                    break;
                }
            }
        }
        if (outermost instanceof OrderRejectedException) return PlacementOutcome.NOT_PLACED;
        ClassifiedError c = classify(failure);
        return switch (c.category()) {
            case RATE_LIMIT, AUTH, CLOCK_SKEW, INSUFFICIENT_FUNDS, INVALID_ORDER, INVALID_INPUT -> PlacementOutcome.NOT_PLACED;
            case NETWORK -> brokeAfterConnecting(failure) ? PlacementOutcome.MAYBE_PLACED : PlacementOutcome.NOT_PLACED;
            case VENUE_UNAVAILABLE -> outermost instanceof ExchangeException x && !x.venueCode().isBlank()
                    ? PlacementOutcome.NOT_PLACED : PlacementOutcome.MAYBE_PLACED;
            case TIMEOUT, UNKNOWN_OUTCOME, MALFORMED_DATA, ORDER_NOT_FOUND, INTERNAL -> PlacementOutcome.MAYBE_PLACED;
        };
    }

    /**
     * The classification of a failed new-order request: the general one when the order is certainly not
     * placed, otherwise UNKNOWN_OUTCOME with RESYNC_STATE (look the order up).
     *
     * @param failure the failure of a new-order request; may be null
     * @return the classification the engine acts on
     */
    public static ClassifiedError classifyPlacement(Throwable failure) {
        ClassifiedError general = classify(failure);
        if (placement(failure) == PlacementOutcome.NOT_PLACED) return general;
        return new ClassifiedError(ErrorCategory.UNKNOWN_OUTCOME, RecoveryAction.RESYNC_STATE, general.description());
    }

    private static boolean isConnectionNeverMade(Throwable t) {
        return t instanceof ConnectException || t instanceof NoRouteToHostException || t instanceof UnknownHostException
                || t instanceof PortUnreachableException || t instanceof UnresolvedAddressException
                || t instanceof HttpConnectTimeoutException || t instanceof SSLHandshakeException;
    }

    private static boolean isTimeout(Throwable t) {
        return t instanceof HttpTimeoutException || t instanceof SocketTimeoutException
                || t instanceof InterruptedByTimeoutException || t instanceof TimeoutException;
    }

    /**
     * The chain shows an I/O failure of a connection that was made: no failure to connect anywhere in it
     * (a refused connect can only happen before anything is sent, whatever the layers above report it as),
     * but an I/O failure that is not a timeout (a reset, an EOF, a closed channel).
     */
    private static boolean brokeAfterConnecting(Throwable failure) {
        boolean brokenIo = false;
        for (Throwable t : chain(failure)) {
            if (isConnectionNeverMade(t)) return false;
            if (t instanceof IOException && !isTimeout(t)) brokenIo = true;
        }
        return brokenIo;
    }

    private static ClassifiedError ofSql(SQLException sql) {
        boolean transientFailure = sql instanceof SQLTransientException || sql instanceof SQLRecoverableException
                || sql.getErrorCode() == SQLITE_BUSY || sql.getErrorCode() == SQLITE_LOCKED;
        return of(ErrorCategory.INTERNAL, transientFailure ? RecoveryAction.RETRY : RecoveryAction.HALT, sql);
    }

    private static ClassifiedError of(ErrorCategory category, RecoveryAction action, Throwable t) {
        return new ClassifiedError(category, action, describe(t));
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    /** The throwable and its causes, outermost first, with pure wrappers left out; cycles are cut. */
    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> out = new ArrayList<>();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && out.size() < MAX_CHAIN && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (isWrapper(t) && t.getCause() != null) continue;
            out.add(t);
        }
        if (out.isEmpty()) out.add(failure);
        return out;
    }

    private static boolean isWrapper(Throwable t) {
        return t instanceof CompletionException || t instanceof ExecutionException || t instanceof UncheckedIOException
                || t instanceof InvocationTargetException || t instanceof UndeclaredThrowableException;
    }
}
