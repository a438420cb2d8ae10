package io.tradekit.risk.internal;

/** What a size limit does with an order that is too large: shrink it to fit, or refuse it. */
public enum OversizeAction { RESIZE, BLOCK }
