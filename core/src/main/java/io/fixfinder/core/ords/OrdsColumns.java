package io.fixfinder.core.ords;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The header of an ORDS file: where each named column is. Names are stripped of spaces and of a
 * byte-order mark, which spreadsheet exports put before the first name.
 */
public final class OrdsColumns {
  private final Map<String, Integer> index = new HashMap<>();
  private final int size;

  private OrdsColumns(List<String> header) {
    for (int i = 0; i < header.size(); i++)
      index.put(header.get(i).strip().replace("\uFEFF", ""), i);
    size = header.size();
  }

  public static OrdsColumns of(List<String> header) {
    return new OrdsColumns(header);
  }

  /** Number of columns in the header; a row of another width is malformed. */
  public int size() {
    return size;
  }

  public Set<String> names() {
    return Set.copyOf(index.keySet());
  }

  public boolean has(String name) {
    return index.containsKey(name);
  }

  /** Whether the file has an id column: {@code id}, or {@code id_ords} as in the quest files. */
  public boolean hasId() {
    return has("id") || has("id_ords");
  }

  /** The stripped value of column {@code name} in {@code row}, empty when there is none. */
  public String get(List<String> row, String name) {
    Integer i = index.get(name);
    return i == null || i >= row.size() ? "" : row.get(i).strip();
  }

  /** The fields of {@code row} the mapping reads. */
  public OrdsRow row(List<String> row) {
    String id = get(row, "id");
    if (id.isEmpty()) id = get(row, "id_ords");
    return new OrdsRow(
        id,
        get(row, "data_provider"),
        get(row, "country"),
        get(row, "product_category"),
        get(row, "brand"),
        get(row, "model"),
        get(row, "year_of_manufacture"),
        get(row, "repair_status"),
        get(row, "group_identifier"),
        get(row, "event_date"),
        get(row, "problem"));
  }
}
