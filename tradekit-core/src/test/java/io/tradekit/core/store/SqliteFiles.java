package io.tradekit.core.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain JDBC on a bot's file, from outside the store: what another process (or the bot after a crash)
 * would see, and a way to damage a file by hand.
 */
final class SqliteFiles {

    private SqliteFiles() {
    }

    static Connection connect(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    static long count(Path file, String table) throws SQLException {
        return longValue(file, "SELECT count(*) FROM " + table);
    }

    static long longValue(Path file, String sql) throws SQLException {
        try (Connection c = connect(file); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static List<String> strings(Path file, String sql) throws SQLException {
        try (Connection c = connect(file); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }

    static void execute(Path file, String sql) throws SQLException {
        try (Connection c = connect(file); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
