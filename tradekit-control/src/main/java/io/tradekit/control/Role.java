package io.tradekit.control;

import java.util.Locale;

/**
 * What a user of the control plane may do, each role including the one before it: a {@code VIEWER} reads;
 * an {@code OPERATOR} also pauses, resumes from PAUSED or REDUCE_ONLY, flattens, stops in an emergency,
 * cancels orders, and approves, rejects or rolls back proposed parameter changes; an {@code ADMIN} also resumes after an emergency stop, places manual orders, starts and
 * stops bots and manages the users of its tenant.
 */
public enum Role {
    VIEWER, OPERATOR, ADMIN;

    /** Whether this role may do what {@code needed} may. */
    public boolean includes(Role needed) {
        return compareTo(needed) >= 0;
    }

    /** The role named {@code name} in any case ({@code "viewer"}, {@code "OPERATOR"}). */
    public static Role parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown role '" + name + "'; roles: viewer, operator, admin");
        }
    }

    /** The role's name as the API and the dashboard spell it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
