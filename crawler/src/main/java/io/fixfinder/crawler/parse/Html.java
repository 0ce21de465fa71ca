package io.fixfinder.crawler.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** HTML parsing with charset detection: the HTTP header, else BOM and meta tags (jsoup). */
public final class Html {
  private static final java.util.regex.Pattern SPACES =
      java.util.regex.Pattern.compile("[\\s\\u00a0]+");

  private Html() {}

  public static Document parse(byte[] body, String headerCharset, String baseUri) {
    String charset = supported(headerCharset) ? headerCharset : null;
    try {
      return Jsoup.parse(
          new ByteArrayInputStream(body == null ? new byte[0] : body), charset, baseUri);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse HTML of " + baseUri, e);
    }
  }

  private static boolean supported(String charset) {
    if (charset == null || charset.isBlank()) return false;
    try {
      return Charset.isSupported(charset.trim());
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return false;
    }
  }

  /** Whitespace collapsed to single spaces, trimmed. */
  public static String clean(String text) {
    return text == null ? "" : SPACES.matcher(text).replaceAll(" ").trim();
  }
}
