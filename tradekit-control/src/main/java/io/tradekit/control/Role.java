package io.tradekit.control;

import java.util.Locale;

/**
 * What a user of the control plane may do, each role including the one before it: a {@code VIEWER} reads;
 * an {@code OPERATOR} also pauses, resumes from PAUSED or REDUCE_ONLY, flattens, stops in an emergency,
 * cancels orders, and approves, rejects or rolls back proposed parameter changes; an {@code ADMIN} also resumes after an emergency stop, places manual orders, starts and
 * stops bots and manages the users of its tenant.
 */
public enum Role {
    /** Reads the fleet, its bots, orders, reports and metrics. */
    VIEWER,
    /** A viewer that also pauses, resumes, flattens, stops in an emergency, cancels orders and decides on proposals. */
    OPERATOR,
    /** An operator that also resumes after an emergency stop, places manual orders, starts and stops bots and manages users. */
    ADMIN;

    /**
     * Whether this role may do what {@code needed} may.
     *
     * @param needed the least role an action needs
     * @return true when this role is {@code needed} or above it
     */
    public boolean includes(Role needed) {
        return compareTo(needed) >= 0;
    }

    /**
     * The role named {@code name} in any case ({@code "viewer"}, {@code "OPERATOR"}), surrounding blanks ignored.
     *
     * @param name the role's name
     * @return the role
     * @throws IllegalArgumentException when no role has that name; the message lists the roles
     */
    public static Role parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown role '" + name + "'; roles: viewer, operator, admin");
        }
    }

    /**
     * The role's name as the API and the dashboard spell it.
     *
     * @return the lower-case name, e.g. {@code operator}
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
