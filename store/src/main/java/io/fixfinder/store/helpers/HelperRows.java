package io.fixfinder.store.helpers;

import io.fixfinder.store.accounts.Jdbc;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The one mapping between {@code helper} rows (with their skills) and {@link Profile}s. */
final class HelperRows {
  static final String PROFILE_COLUMNS =
      "display_name, bio, languages, country, city, latitude, longitude, remote, time_zone,"
          + " weekly_hours, paused";

  private HelperRows() {}

  /** A profile from the current row (selected with {@link #PROFILE_COLUMNS}) and its skills. */
  static Profile profile(ResultSet rs, List<Skill> skills) throws SQLException {
    Optional<Double> lat = Jdbc.optionalDouble(rs, "latitude");
    Optional<Double> lon = Jdbc.optionalDouble(rs, "longitude");
    Optional<Coordinates> point =
        lat.isPresent() && lon.isPresent()
            ? Optional.of(new Coordinates(lat.get(), lon.get()))
            : Optional.empty();
    return new Profile(
        rs.getString("display_name"),
        rs.getString("bio"),
        languages(rs.getString("languages")),
        rs.getString("country"),
        rs.getString("city"),
        point,
        rs.getBoolean("remote"),
        rs.getString("time_zone"),
        rs.getString("weekly_hours"),
        rs.getBoolean("paused"),
        skills);
  }

  static List<String> languages(String column) {
    return column.isEmpty() ? List.of() : Arrays.asList(column.split(","));
  }

  static List<Skill> skills(Connection c, String helperId) throws SQLException {
    return Jdbc.list(
        c,
        "SELECT kind, skill_value FROM helper_skill WHERE helper_id = ? ORDER BY sort_order",
        HelperRows::skill,
        helperId);
  }

  /** Skills of every helper matching {@code where} (on alias h), by helper id, in their order. */
  static Map<String, List<Skill>> allSkills(Connection c, String where, Object... args)
      throws SQLException {
    Map<String, List<Skill>> out = new HashMap<>();
    for (Object[] row :
        Jdbc.list(
            c,
            "SELECT s.helper_id, s.kind, s.skill_value FROM helper_skill s"
                + " JOIN helper h ON h.id = s.helper_id WHERE "
                + where
                + " ORDER BY s.helper_id, s.sort_order",
            rs -> new Object[] {rs.getString(1), skill(rs, 2)},
            args)) {
      out.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add((Skill) row[1]);
    }
    return out;
  }

  private static Skill skill(ResultSet rs) throws SQLException {
    return skill(rs, 1);
  }

  private static Skill skill(ResultSet rs, int first) throws SQLException {
    String kind = rs.getString(first);
    return new Skill(
        SkillKind.fromWire(kind)
            .orElseThrow(() -> new SQLException("unknown skill kind in the database: " + kind)),
        rs.getString(first + 1));
  }

  static void writeSkills(Connection c, String helperId, List<Skill> skills) throws SQLException {
    Jdbc.update(c, "DELETE FROM helper_skill WHERE helper_id = ?", helperId);
    int i = 0;
    for (Skill s : skills) {
      Jdbc.update(
          c,
          "INSERT INTO helper_skill (helper_id, kind, skill_value, sort_order) VALUES (?, ?, ?, ?)",
          helperId,
          s.kind().wire(),
          s.value(),
          i++);
    }
  }
}
