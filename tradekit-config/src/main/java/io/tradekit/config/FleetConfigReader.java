package io.tradekit.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.api.InvalidInputException;
import io.tradekit.control.Passwords;
import io.tradekit.control.Role;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a fleet file ({@link FleetConfig}), as {@code tradekit serve} does. Every problem is collected with the field it is in
 * ({@code users[1].passwordEnv}) and reported at once; unknown fields are refused. A password is never
 * read from the file itself: a user has a {@code passwordHash} (from {@link Passwords#hash}) or a
 * {@code passwordEnv}, the name of an environment variable that holds the password.
 *
 * <pre>{@code {"server": {"host": "127.0.0.1", "port": 8080, "auth": true, "tokenTtl": "PT8H"},
 *  "users": [{"name": "ana", "tenant": "desk", "role": "admin", "passwordEnv": "TRADEKIT_PASSWORD_ANA"}],
 *  "bots": [{"config": "eth-a.json", "mode": "paper", "tenant": "desk"}]}}</pre>
 */
public final class FleetConfigReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, String> environment;
    private final List<ConfigProblem> problems = new ArrayList<>();

    /**
     * A reader that resolves {@code passwordEnv} entries from {@code environment}.
     *
     * @param environment the environment variables, usually {@link System#getenv()}
     */
    public FleetConfigReader(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /**
     * Reads and checks one fleet file.
     *
     * @param file the fleet file; bot configuration paths in it are resolved against its directory
     * @return the fleet's configuration
     * @throws ConfigException naming every problem with its field path, all at once
     */
    public FleetConfig read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new ConfigException(file.toString(), List.of(new ConfigProblem(BotConfigReader.WHOLE_FILE,
                    "could not read the fleet file: " + e.getMessage())));
        }
        problems.clear();
        if (root == null || !root.isObject()) fail(BotConfigReader.WHOLE_FILE, "the fleet file must be a JSON object");
        else known(root, "", Set.of("server", "users", "bots"));
        JsonNode server = root == null ? JSON.createObjectNode() : root.path("server");
        known(server, "server.", Set.of("host", "port", "auth", "tokenTtl", "allowedOrigins"));
        String host = server.path("host").asText("127.0.0.1");
        int port = server.path("port").asInt(8080);
        if (server.has("port") && (!server.get("port").isInt() || port < 0 || port > 65_535)) fail("server.port", "must be a whole number 0 to 65535");
        boolean auth = !server.has("auth") || server.get("auth").asBoolean(true);
        if (server.has("auth") && !server.get("auth").isBoolean()) fail("server.auth", "must be true or false");
        Duration ttl = Duration.ofHours(8);
        if (server.has("tokenTtl")) {
            try {
                ttl = Duration.parse(server.get("tokenTtl").asText());
            } catch (DateTimeParseException e) {
                fail("server.tokenTtl", "must be an ISO-8601 duration such as PT8H");
            }
        }
        List<String> origins = new ArrayList<>();
        server.path("allowedOrigins").forEach(o -> origins.add(o.asText()));

        List<FleetConfig.User> users = new ArrayList<>();
        JsonNode userList = root == null ? JSON.createArrayNode() : root.path("users");
        for (int i = 0; i < userList.size(); i++) {
            FleetConfig.User u = user(userList.get(i), "users[" + i + "].");
            if (u != null) users.add(u);
        }
        if (auth && users.isEmpty()) fail("users", "with server.auth true the fleet needs at least one user");

        List<FleetConfig.Bot> bots = new ArrayList<>();
        JsonNode botList = root == null ? JSON.createArrayNode() : root.path("bots");
        if (botList.isEmpty()) fail("bots", "the fleet needs at least one bot");
        Path base = file.toAbsolutePath().getParent();
        for (int i = 0; i < botList.size(); i++) {
            String at = "bots[" + i + "].";
            JsonNode b = botList.get(i);
            known(b, at, Set.of("config", "mode", "tenant"));
            String config = required(b, at, "config");
            String tenant = required(b, at, "tenant");
            Mode mode = null;
            try {
                mode = Mode.parse(b.path("mode").asText("paper"));
                if (mode != Mode.PAPER && mode != Mode.LIVE && mode != Mode.DRY_RUN) fail(at + "mode", "must be paper, live or dry-run");
            } catch (InvalidInputException e) {
                fail(at + "mode", e.getMessage());
            }
            if (config != null && tenant != null && mode != null) bots.add(new FleetConfig.Bot(base.resolve(config), mode, tenant));
        }
        if (!problems.isEmpty()) throw new ConfigException(file.toString(), List.copyOf(problems));
        return new FleetConfig(new FleetConfig.Server(host, port, auth, ttl, origins), users, bots);
    }

    private FleetConfig.User user(JsonNode u, String at) {
        known(u, at, Set.of("name", "tenant", "role", "passwordHash", "passwordEnv"));
        String name = required(u, at, "name");
        String tenant = required(u, at, "tenant");
        String roleName = required(u, at, "role");
        Role role = null;
        if (roleName != null) {
            try {
                role = Role.parse(roleName);
            } catch (IllegalArgumentException e) {
                fail(at + "role", e.getMessage());
            }
        }
        String hash = null;
        if (u.has("passwordHash") == u.has("passwordEnv")) {
            fail(at + "passwordHash", "give exactly one of passwordHash and passwordEnv");
        } else if (u.has("passwordHash")) {
            hash = u.get("passwordHash").asText();
            try {
                Passwords.checkFormat(hash);
            } catch (IllegalArgumentException e) {
                fail(at + "passwordHash", e.getMessage());
                hash = null;
            }
        } else {
            String variable = u.get("passwordEnv").asText();
            String password = environment.get(variable);
            if (password == null || password.isEmpty()) {
                fail(at + "passwordEnv", "the environment variable " + variable + " is not set");
            } else {
                try {
                    hash = Passwords.hash(password.toCharArray());
                } catch (IllegalArgumentException e) {
                    fail(at + "passwordEnv", "the password in " + variable + ": " + e.getMessage());
                }
            }
        }
        return name != null && tenant != null && role != null && hash != null ? new FleetConfig.User(name, tenant, role, hash) : null;
    }

    private String required(JsonNode node, String at, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            fail(at + field, "is required (text)");
            return null;
        }
        return v.asText().strip();
    }

    private void known(JsonNode node, String at, Set<String> fields) {
        node.fieldNames().forEachRemaining(f -> {
            if (!fields.contains(f)) fail(at + f, "is not a known field; known: " + String.join(", ", new java.util.TreeSet<>(fields)));
        });
    }

    private void fail(String field, String message) {
        problems.add(new ConfigProblem(field, message));
    }
}
