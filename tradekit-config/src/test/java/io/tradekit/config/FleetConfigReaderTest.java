package io.tradekit.config;

import io.tradekit.control.Passwords;
import io.tradekit.control.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class FleetConfigReaderTest {

    @TempDir
    Path dir;

    private Path write(String json) throws IOException {
        return Files.writeString(dir.resolve("fleet.json"), json);
    }

    @Test
    void readsServerUsersAndBotsWithPasswordsFromTheEnvironmentAsHashes() throws IOException {
        String hash = Passwords.hash("a long password".toCharArray(), 1_000);
        FleetConfig fleet = new FleetConfigReader(Map.of("PW_ANA", "ana's long password")).read(write("""
                {"server": {"host": "127.0.0.1", "port": 9090, "tokenTtl": "PT1H"},
                 "users": [{"name": "ana", "tenant": "desk", "role": "admin", "passwordEnv": "PW_ANA"},
                           {"name": "vic", "tenant": "desk", "role": "viewer", "passwordHash": "%s"}],
                 "bots": [{"config": "a.json", "mode": "paper", "tenant": "desk"}, {"config": "b.json", "mode": "dry-run", "tenant": "ops"}]}
                """.formatted(hash)));
        assertThat(fleet.server().port()).isEqualTo(9090);
        assertThat(fleet.server().auth()).isTrue();
        assertThat(fleet.server().tokenTtl()).hasHours(1);
        assertThat(fleet.users()).extracting(FleetConfig.User::role).containsExactly(Role.ADMIN, Role.VIEWER);
        assertThat(Passwords.matches("ana's long password".toCharArray(), fleet.users().get(0).passwordHash())).isTrue();
        assertThat(fleet.users().get(1).passwordHash()).isEqualTo(hash);
        assertThat(fleet.users().toString()).doesNotContain("pbkdf2");
        assertThat(fleet.bots()).extracting(FleetConfig.Bot::mode).containsExactly(Mode.PAPER, Mode.DRY_RUN);
        assertThat(fleet.bots().get(0).config()).isEqualTo(dir.toAbsolutePath().resolve("a.json"));
    }

    @Test
    void everyProblemIsNamedByItsField() throws IOException {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> new FleetConfigReader(Map.of()).read(write("""
                {"server": {"port": 70000, "colour": "red"},
                 "users": [{"name": "ana", "tenant": "desk", "role": "boss", "passwordEnv": "MISSING"},
                           {"name": "vic", "tenant": "desk", "role": "viewer", "password": "plain"}],
                 "bots": [{"config": "a.json", "mode": "backtest", "tenant": "desk"}, {"mode": "paper"}]}
                """)));
        assertThat(e.fields()).contains("server.port", "server.colour", "users[0].role", "users[0].passwordEnv", "users[1].password",
                "users[1].passwordHash", "bots[0].mode", "bots[1].config", "bots[1].tenant");
    }
}
