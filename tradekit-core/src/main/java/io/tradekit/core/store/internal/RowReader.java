package io.tradekit.core.store.internal;

import io.tradekit.core.store.UnrecoverableStateException;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads typed columns of one table's rows and names the table, row and column when a stored value does
 * not parse: a value that the store itself wrote can only fail to parse if the file was damaged.
 */
final class RowReader {

    private final String table;
    private final String keyColumn;
    private ResultSet row;

    RowReader(String table, String keyColumn) {
        this.table = table;
        this.keyColumn = keyColumn;
    }

    RowReader at(ResultSet resultSet) {
        this.row = resultSet;
        return this;
    }

    String text(String column) throws SQLException {
        String value = row.getString(column);
        if (value == null) {
            throw damaged(column, "is empty (NULL)");
        }
        return value;
    }

    Optional<String> optionalText(String column) throws SQLException {
        return Optional.ofNullable(row.getString(column));
    }

    BigDecimal decimal(String column) throws SQLException {
        String value = text(column);
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw damaged(column, "is '" + value + "', not a decimal number");
        }
    }

    Optional<BigDecimal> optionalDecimal(String column) throws SQLException {
        return row.getString(column) == null ? Optional.empty() : Optional.of(decimal(column));
    }

    Instant instant(String column) throws SQLException {
        long nanos = row.getLong(column);
        if (row.wasNull()) {
            throw damaged(column, "is empty (NULL)");
        }
        return EpochNanos.toInstant(nanos);
    }

    long number(String column) throws SQLException {
        long value = row.getLong(column);
        if (row.wasNull()) {
            throw damaged(column, "is empty (NULL)");
        }
        return value;
    }

    boolean flag(String column) throws SQLException {
        return number(column) != 0;
    }

    <E extends Enum<E>> E choice(String column, Class<E> type) throws SQLException {
        String value = text(column);
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw damaged(column, "is '" + value + "', not a " + type.getSimpleName());
        }
    }

    private UnrecoverableStateException damaged(String column, String problem) throws SQLException {
        return new UnrecoverableStateException("table " + table + ", row " + keyColumn + "=" + row.getString(keyColumn)
                + ", column " + column + " " + problem);
    }
}
