/**
 * The HTTP and WebSocket plumbing that every venue adapter shares: a request-weight budget shared by all
 * bots that use one API key, jittered exponential backoff, a retry rule that never repeats a
 * non-idempotent request blindly, a server-clock offset estimated from repeated samples, a JSON-over-HTTP
 * transport on {@link java.net.http.HttpClient}, and a WebSocket that reconnects, resubscribes and
 * reconnects on purpose before a venue's maximum connection age.
 */
package io.tradekit.core.net;
