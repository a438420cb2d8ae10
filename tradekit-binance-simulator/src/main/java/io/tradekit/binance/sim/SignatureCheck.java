package io.tradekit.binance.sim;

/** How the venue checks a SIGNED request's {@code signature} against the text that was signed. */
interface SignatureCheck {

    /** Whether {@code signature}, as received, signs {@code payload}. */
    boolean verifies(String payload, String signature);
}
