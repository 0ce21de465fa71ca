package io.fixfinder.api.dashboard;

import java.util.List;

/**
 * CSV (RFC 4180) that a spreadsheet opens as data: every cell quoted when it must be, and a cell
 * that starts with {@code = + - @}, a tab or a carriage return (a formula to Excel, LibreOffice and
 * Sheets) gets a leading apostrophe, so a query text cannot run as a formula on the admin's machine
 * (OWASP "CSV injection").
 */
public final class Csv {
  private Csv() {}

  /** The rows, the first being the header, with CRLF line ends. */
  public static String of(List<List<String>> rows) {
    StringBuilder out = new StringBuilder();
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        if (i > 0) out.append(',');
        out.append(cell(row.get(i)));
      }
      out.append("\r\n");
    }
    return out.toString();
  }

  /** One cell, neutralised and quoted as needed. */
  public static String cell(String raw) {
    String v = raw == null ? "" : raw;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) v = "'" + v;
    if (v.indexOf(',') >= 0
        || v.indexOf('"') >= 0
        || v.indexOf('\n') >= 0
        || v.indexOf('\r') >= 0
        || v.startsWith("'")) {
      v = '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }
}
