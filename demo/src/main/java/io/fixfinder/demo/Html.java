package io.fixfinder.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the corpus's plain text into HTML, and writes the parts every page has. */
final class Html {
  private static final Pattern LINK =
      Pattern.compile("(https?://|\\{\\{origin:[a-z]+}})[^\\s<]*[^\\s<.,;:!?)\"']");
  private static final Pattern NUMBERED = Pattern.compile("^\\d{1,2}[.)]\\s+(.*)$");

  private Html() {}

  /**
   * Plain text as HTML blocks: each line a paragraph, runs of "1. ..." lines an ordered list, runs
   * of "- ..." lines a bullet list; links become anchors.
   */
  static String blocks(String text) {
    StringBuilder sb = new StringBuilder();
    List<String> list = new ArrayList<>();
    String listTag = "";
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      Matcher numbered = NUMBERED.matcher(line);
      String tag = numbered.matches() ? "ol" : line.startsWith("- ") ? "ul" : "";
      if (!tag.equals(listTag) && !list.isEmpty()) {
        flush(sb, listTag, list);
      }
      listTag = tag;
      if (tag.equals("ol")) list.add(numbered.group(1));
      else if (tag.equals("ul")) list.add(line.substring(2));
      else if (!line.isEmpty()) sb.append("<p>").append(inline(line)).append("</p>\n");
    }
    if (!list.isEmpty()) flush(sb, listTag, list);
    return sb.toString();
  }

  private static void flush(StringBuilder sb, String tag, List<String> items) {
    sb.append('<').append(tag).append(">\n");
    for (String item : items) sb.append("<li>").append(inline(item)).append("</li>\n");
    sb.append("</").append(tag).append(">\n");
    items.clear();
  }

  /** One line of text, escaped, with links made clickable. */
  static String inline(String line) {
    Matcher m = LINK.matcher(line);
    StringBuilder sb = new StringBuilder();
    int at = 0;
    while (m.find()) {
      sb.append(Text.esc(line.substring(at, m.start())));
      String url = m.group();
      sb.append("<a href=\"")
          .append(Text.esc(url))
          .append("\">")
          .append(Text.esc(url))
          .append("</a>");
      at = m.end();
    }
    sb.append(Text.esc(line.substring(at)));
    return sb.toString();
  }

  static String link(String href, String text) {
    return "<a href=\"" + Text.esc(href) + "\">" + Text.esc(text) + "</a>";
  }

  /** The head of a page; {@code date} (ISO) goes into a date meta tag that extractors read. */
  static String head(
      String title, String description, String canonical, String date, String css, String extra) {
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    sb.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    sb.append("<title>").append(Text.esc(title)).append("</title>\n");
    if (!description.isEmpty()) {
      sb.append("<meta name=\"description\" content=\"")
          .append(Text.esc(Text.shorten(description, 155)))
          .append("\">\n");
    }
    if (!date.isEmpty()) sb.append("<meta name=\"date\" content=\"").append(date).append("\">\n");
    if (!canonical.isEmpty()) {
      sb.append("<link rel=\"canonical\" href=\"").append(Text.esc(canonical)).append("\">\n");
    }
    sb.append("<link rel=\"stylesheet\" href=\"").append(css).append("\">\n");
    sb.append(extra);
    sb.append("</head>\n");
    return sb.toString();
  }
}
