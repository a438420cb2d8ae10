package io.tradekit.control.internal;

import io.tradekit.control.Passwords;
import io.tradekit.control.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The control plane's users: name, tenant, role and password hash. Names are unique across tenants, so a
 * login needs no tenant. A password is checked against a decoy hash when the user is unknown, so that the
 * time a login takes does not tell whether a name exists.
 */
public final class UserDirectory {

    /** One user; the hash never leaves this class in a response. */
    public record User(String name, String tenant, Role role, String passwordHash) {
    }

    private final Map<String, User> users = new ConcurrentHashMap<>();
    private volatile String decoy;

    public void add(User user) {
        String[] parts = Passwords.checkFormat(user.passwordHash());
        if (decoy == null) decoy = Passwords.hash("decoy-password-never-used".toCharArray(), Integer.parseInt(parts[1]));
        if (users.putIfAbsent(user.name(), user) != null) throw new IllegalArgumentException("user '" + user.name() + "' exists");
    }

    public Optional<User> authenticate(String name, char[] password) {
        User user = users.get(name);
        if (user == null && decoy == null) return Optional.empty();
        boolean ok = Passwords.matches(password, user == null ? decoy : user.passwordHash());
        return ok && user != null ? Optional.of(user) : Optional.empty();
    }

    public Optional<User> find(String name) {
        return Optional.ofNullable(users.get(name));
    }

    public boolean remove(String name) {
        return users.remove(name) != null;
    }

    public List<User> ofTenant(String tenant) {
        List<User> out = new ArrayList<>();
        for (User u : users.values()) if (u.tenant().equals(tenant)) out.add(u);
        out.sort(java.util.Comparator.comparing(User::name));
        return out;
    }

    public boolean isEmpty() {
        return users.isEmpty();
    }
}
