package io.tradekit.control.internal;

import io.tradekit.control.Role;

/**
 * One route of the API: its method, path (with {@code {id}} for a bot), the least role it needs (null for a
 * public route) and whether it acts on one bot, so that tenants are checked.
 */
public record RouteInfo(String method, String path, Role role, boolean botScoped) {
}
