package io.tradekit.config;

import io.tradekit.control.Role;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a control plane runs ({@code tradekit serve}, or a host's own supervisor): the server settings, its users
 * (each with a password hash, or the name of an environment variable holding the password) and the bots of the
 * fleet, each a bot configuration file run in a mode for a tenant. Read with {@link FleetConfigReader}. Its users'
 * roles are the control plane's ({@code tradekit-control}, an optional dependency of this module: a host that reads
 * fleet files depends on it).
 *
 * @param server where and how the control plane listens
 * @param users  who may log in, in the order the file lists them
 * @param bots   the bots to run, in the order the file lists them
 */
public record FleetConfig(Server server, List<User> users, List<Bot> bots) {

    /** Copies the lists, so the configuration cannot change after it was read. */
    public FleetConfig {
        Objects.requireNonNull(server, "server");
        users = List.copyOf(users);
        bots = List.copyOf(bots);
    }

    /**
     * Where and how the control plane listens.
     *
     * @param host           the address to bind, e.g. {@code 127.0.0.1}
     * @param port           the TCP port (0 picks a free one)
     * @param auth           whether callers must log in
     * @param tokenTtl       how long a login token stays valid
     * @param allowedOrigins the browser origins allowed to call the API across origins
     */
    public record Server(String host, int port, boolean auth, Duration tokenTtl, List<String> allowedOrigins) {
        /** Copies the origins, so the settings cannot change after they were read. */
        public Server {
            allowedOrigins = List.copyOf(allowedOrigins);
        }
    }

    /**
     * A user; {@code passwordHash} is already resolved from {@code passwordEnv} when the file named one.
     *
     * @param name         the login name
     * @param tenant       the tenant whose bots the user sees
     * @param role         what the user may do
     * @param passwordHash the password's hash, never the password; left out of {@link #toString()}
     */
    public record User(String name, String tenant, Role role, String passwordHash) {
        /** The user without its password hash, for logs and messages. */
        @Override
        public String toString() {
            return "User[" + name + ", " + tenant + ", " + role.label() + "]";
        }
    }

    /**
     * One bot of the fleet.
     *
     * @param config its bot configuration file, resolved against the fleet file's directory
     * @param mode   how it runs (paper, live, ...)
     * @param tenant the tenant it belongs to
     */
    public record Bot(Path config, Mode mode, String tenant) {
    }
}
