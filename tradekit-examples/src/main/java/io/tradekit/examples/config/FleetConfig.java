package io.tradekit.examples.config;

import io.tradekit.config.Mode;
import io.tradekit.control.Role;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What {@code tradekit serve} runs: the control plane's server settings, its users (each with a password
 * hash, or the name of an environment variable holding the password) and the bots of the fleet, each a
 * bot configuration file run in a mode for a tenant.
 */
public record FleetConfig(Server server, List<User> users, List<Bot> bots) {

    public FleetConfig {
        Objects.requireNonNull(server, "server");
        users = List.copyOf(users);
        bots = List.copyOf(bots);
    }

    /** Where and how the control plane listens. */
    public record Server(String host, int port, boolean auth, Duration tokenTtl, List<String> allowedOrigins) {
        public Server {
            allowedOrigins = List.copyOf(allowedOrigins);
        }
    }

    /** A user; {@code passwordHash} is already resolved from {@code passwordEnv} when the file named one. */
    public record User(String name, String tenant, Role role, String passwordHash) {
        @Override
        public String toString() {
            return "User[" + name + ", " + tenant + ", " + role.label() + "]";
        }
    }

    /** One bot: its configuration file (resolved against the fleet file's directory), mode and tenant. */
    public record Bot(Path config, Mode mode, String tenant) {
    }
}
