package io.fixfinder.crawler.parse.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Element;

/**
 * Recognises troubleshooting tables in HTML: a header with a problem column, a cause column and a
 * remedy column ("What to do", "Solution", "Remedy", "Action"), in any order, in several languages'
 * English wording. Each body row becomes a {@link Row}.
 */
public final class TroubleshootingTables {

  /** One row: the problem (often with an error code), its cause and what to do. */
  public record Row(String problem, String cause, String remedy) {}

  private TroubleshootingTables() {}

  public static List<Row> rows(Element root) {
    List<Row> rows = new ArrayList<>();
    for (Element table : root.select("table")) {
      List<Element> trs = table.select("tr");
      if (trs.isEmpty()) continue;
      List<Element> header = trs.getFirst().select("th, td");
      int problem = -1, cause = -1, remedy = -1;
      for (int i = 0; i < header.size(); i++) {
        String h = header.get(i).text().toLowerCase(Locale.ROOT);
        if (problem < 0
            && (h.contains("problem")
                || h.contains("symptom")
                || h.contains("error")
                || h.contains("fault")
                || h.contains("code"))) problem = i;
        else if (cause < 0 && h.contains("cause")) cause = i;
        else if (remedy < 0
            && (h.contains("what to do")
                || h.contains("solution")
                || h.contains("remedy")
                || h.contains("action")
                || h.contains("fix"))) remedy = i;
      }
      if (problem < 0 || remedy < 0) continue;
      for (Element tr : trs.subList(1, trs.size())) {
        List<Element> cells = tr.select("> th, > td");
        if (cells.size() <= Math.max(problem, remedy)) continue;
        String p = cells.get(problem).text().strip();
        String c = cause >= 0 && cause < cells.size() ? cells.get(cause).text().strip() : "";
        String r = cells.get(remedy).text().strip();
        if (!p.isEmpty() && !r.isEmpty()) rows.add(new Row(p, c, r));
      }
    }
    return rows;
  }
}
