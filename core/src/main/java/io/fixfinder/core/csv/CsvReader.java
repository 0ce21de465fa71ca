package io.fixfinder.core.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A streaming RFC 4180 reader: quoted fields with doubled quotes and embedded line breaks, CRLF or
 * LF. A field longer than {@code maxField} characters is cut there (and the row still read), so a
 * broken quote cannot swallow the rest of a file into memory.
 */
public final class CsvReader implements AutoCloseable {
  private final Reader in;
  private final int maxField;
  private int peeked = -2;
  private long line = 1;

  public CsvReader(Reader in, int maxField) {
    this.in = in;
    this.maxField = maxField;
  }

  /** The line the next row starts on (1-based), for error messages. */
  public long line() {
    return line;
  }

  /** The next row, or empty at end of input. */
  public Optional<List<String>> next() throws IOException {
    if (peek() == -1) return Optional.empty();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean fieldStart = true;
    while (true) {
      int c = read();
      if (c == -1) {
        row.add(field.toString());
        return Optional.of(row);
      }
      if (quoted) {
        if (c == '"') {
          if (peek() == '"') {
            read();
            append(field, '"');
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') line++;
          append(field, (char) c);
        }
        continue;
      }
      if (c == '"' && fieldStart) {
        quoted = true;
        fieldStart = false;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
        fieldStart = true;
      } else if (c == '\r' && peek() == '\n') {
        // CRLF: the LF ends the row
      } else if (c == '\n') {
        line++;
        row.add(field.toString());
        return Optional.of(row);
      } else {
        append(field, (char) c);
        fieldStart = false;
      }
    }
  }

  private void append(StringBuilder field, char c) {
    if (field.length() < maxField) field.append(c);
  }

  private int peek() throws IOException {
    if (peeked == -2) peeked = in.read();
    return peeked;
  }

  private int read() throws IOException {
    int c = peek();
    peeked = -2;
    return c;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
