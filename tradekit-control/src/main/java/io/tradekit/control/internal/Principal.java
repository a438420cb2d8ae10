package io.tradekit.control.internal;

import io.tradekit.control.Role;

/**
 * Who makes a request: the logged-in user's name (the actor in the audit journal), tenant and role. In the
 * local trusted mode (no login) it is {@code local}, an admin of every tenant.
 */
public record Principal(String name, String tenant, Role role, boolean allTenants) {

    static final Principal LOCAL = new Principal("local", "*", Role.ADMIN, true);

    public boolean sees(String botTenant) {
        return allTenants || tenant.equals(botTenant);
    }
}
