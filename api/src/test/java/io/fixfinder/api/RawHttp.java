package io.fixfinder.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket to 127.0.0.1, for requests no HTTP client would send: raw bytes in
 * the request line, headers and body. The request is written, the socket's output is shut (so a
 * body cut short ends at once instead of after the idle timeout) and the first response is read.
 */
final class RawHttp {
  /** The first final response: its status, headers (names lower case) and body. */
  record Response(int status, Map<String, String> headers, byte[] body, String raw) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private RawHttp() {}

  static Response send(int port, String request) throws IOException {
    return send(port, request.getBytes(StandardCharsets.ISO_8859_1));
  }

  /**
   * Sends {@code request} as is and reads the response.
   *
   * @return the response, or null when the server closed the connection without answering
   */
  static Response send(int port, byte[] request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(15_000);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request);
        out.flush();
        socket.shutdownOutput();
      } catch (IOException e) {
        // The server may answer and close before reading everything (e.g. 431): read what it said.
      }
      byte[] all = readAll(socket.getInputStream());
      return parse(all);
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    try {
      int n;
      while ((n = in.read(chunk)) >= 0) buf.write(chunk, 0, n);
    } catch (SocketTimeoutException e) {
      // Keep-alive with no more to say: what arrived is the answer.
    } catch (IOException e) {
      // Reset after the response was sent (the server closed with unread input).
    }
    return buf.toByteArray();
  }

  /** Parses the first final (non-1xx) response; null when there is none. */
  static Response parse(byte[] all) {
    int pos = 0;
    while (true) {
      int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), pos);
      if (end < 0) return null;
      String head = new String(all, pos, end - pos, StandardCharsets.ISO_8859_1);
      String[] lines = head.split("\r\n");
      String[] statusLine = lines[0].split(" ", 3);
      if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) return null;
      int status = Integer.parseInt(statusLine[1]);
      Map<String, String> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        if (colon > 0) {
          headers.merge(
              lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
              lines[i].substring(colon + 1).strip(),
              (a, b) -> a + ", " + b);
        }
      }
      int bodyStart = end + 4;
      if (status >= 100 && status < 200) {
        pos = bodyStart;
        continue;
      }
      byte[] body = body(all, bodyStart, headers);
      return new Response(status, headers, body, head);
    }
  }

  private static byte[] body(byte[] all, int start, Map<String, String> headers) {
    String length = headers.get("content-length");
    if (length != null) {
      int n = Math.min(Integer.parseInt(length.strip()), all.length - start);
      return java.util.Arrays.copyOfRange(all, start, start + n);
    }
    if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int pos = start;
      while (pos < all.length) {
        int eol = indexOf(all, new byte[] {'\r', '\n'}, pos);
        if (eol < 0) break;
        String sizeLine = new String(all, pos, eol - pos, StandardCharsets.ISO_8859_1);
        int size = Integer.parseInt(sizeLine.split(";", 2)[0].strip(), 16);
        if (size == 0) break;
        out.write(all, eol + 2, Math.min(size, all.length - eol - 2));
        pos = eol + 2 + size + 2;
      }
      return out.toByteArray();
    }
    return java.util.Arrays.copyOfRange(all, start, all.length);
  }

  private static int indexOf(byte[] hay, byte[] needle, int from) {
    outer:
    for (int i = from; i <= hay.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
      return i;
    }
    return -1;
  }
}
