package io.fixfinder.crawler.youtube;

import io.fixfinder.core.model.Chapter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chapters from a video description: lines that start with a timestamp ("0:45 Remove the
 * kickplate", "1:02:10 - Reassembly"). Each becomes a deep link with {@code t=} seconds. YouTube
 * itself needs the first at 0:00 and at least three; we take any that parse, in order.
 */
public final class Chapters {
  private static final Pattern LINE =
      Pattern.compile(
          "^\\s*[\\[(]?(?:(\\d{1,2}):)?(\\d{1,2}):(\\d{2})[\\])]?\\s*[-–—:|]?\\s*(.+?)\\s*$",
          Pattern.MULTILINE);

  private Chapters() {}

  public static List<Chapter> parse(String description, String videoUrl) {
    List<Chapter> chapters = new ArrayList<>();
    if (description == null) return chapters;
    Matcher m = LINE.matcher(description);
    int last = -1;
    while (m.find()) {
      int h = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
      int min = Integer.parseInt(m.group(2));
      int sec = Integer.parseInt(m.group(3));
      if (sec > 59 || (h > 0 && min > 59)) continue;
      int at = h * 3600 + min * 60 + sec;
      if (at <= last) continue; // chapters only move forward
      last = at;
      chapters.add(new Chapter(at, m.group(4), deepLink(videoUrl, at)));
    }
    return chapters;
  }

  static String deepLink(String videoUrl, int seconds) {
    return videoUrl + (videoUrl.contains("?") ? "&" : "?") + "t=" + seconds + "s";
  }
}
