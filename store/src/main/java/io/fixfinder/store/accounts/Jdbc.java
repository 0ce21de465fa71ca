package io.fixfinder.store.accounts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The few JDBC shapes the account and helper stores repeat: a statement with positional arguments,
 * and rows mapped to values. Arguments are always bound, never concatenated into SQL.
 */
public final class Jdbc {
  /** Maps the current row of a result set. */
  @FunctionalInterface
  public interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private Jdbc() {}

  /** Runs an INSERT, UPDATE or DELETE; the number of rows it touched. */
  public static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(sql)) {
      bind(st, args);
      return st.executeUpdate();
    }
  }

  public static <T> List<T> list(Connection c, String sql, Row<T> row, Object... args)
      throws SQLException {
    try (PreparedStatement st = c.prepareStatement(sql)) {
      bind(st, args);
      try (ResultSet rs = st.executeQuery()) {
        List<T> out = new ArrayList<>();
        while (rs.next()) out.add(row.map(rs));
        return out;
      }
    }
  }

  public static <T> Optional<T> one(Connection c, String sql, Row<T> row, Object... args)
      throws SQLException {
    List<T> all = list(c, sql, row, args);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  /** A nullable DOUBLE column as an Optional (JDBC reports SQL NULL as 0 plus wasNull). */
  public static Optional<Double> optionalDouble(ResultSet rs, String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(v);
  }

  private static void bind(PreparedStatement st, Object[] args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      Object a = args[i];
      switch (a) {
        case null -> st.setNull(i + 1, Types.DOUBLE); // only coordinates are ever NULL
        case String s -> st.setString(i + 1, s);
        case Long l -> st.setLong(i + 1, l);
        case Integer n -> st.setInt(i + 1, n);
        case Boolean b -> st.setBoolean(i + 1, b);
        case Double d -> st.setDouble(i + 1, d);
        default -> throw new IllegalArgumentException("unsupported SQL argument " + a.getClass());
      }
    }
  }
}
