package io.fixfinder.api.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.fixfinder.api.http.CapabilityPaths;
import io.fixfinder.api.http.SecurityHeaders;
import io.fixfinder.core.json.Json;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error page, replaced: requests refused before they reach Javalin (a URI or headers too
 * large, bad percent-encoding, a NUL, an ambiguous path, a bad Content-Length or Host, an unknown
 * HTTP version) get the same {@code application/problem+json} and security headers as every other
 * error, instead of Jetty's HTML. Installed on the server and on the servlet context, so both
 * layers' errors come here.
 *
 * <p>Statuses Jetty gives for a request it cannot parse as one it supports (501 for an unknown
 * transfer coding, 505 for an unknown HTTP version) are the client's doing and become 400: no 5xx
 * from client input. Jetty's reason is kept as the detail when it is short printable ASCII.
 */
public final class JettyErrorHandler extends ErrorHandler {
  private static final Pattern PRINTABLE = Pattern.compile("[\\x20-\\x7e]{1,160}");
  private static final int MAX_INSTANCE = 200;

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus();
    if (request.getAttribute(ERROR_STATUS) instanceof Integer code) status = code;
    String reason = request.getAttribute(ERROR_MESSAGE) instanceof String m ? m : null;
    if (request.getAttribute(ERROR_EXCEPTION) instanceof HttpException http) {
      status = http.getCode();
      reason = http.getReason();
    }
    status = clientStatus(status);
    response.setStatus(status);
    HttpFields.Mutable headers = response.getHeaders();
    byte[] body = problem(status, reason, instance(request));
    headers(headers, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
    return true;
  }

  /** The body Jetty sends for a message it could not parse into a request at all. */
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    int code = clientStatus(status);
    byte[] body = problem(code, reason, null);
    headers(fields, body.length);
    return ByteBuffer.wrap(body);
  }

  private static void headers(HttpFields.Mutable headers, int length) {
    headers.put(HttpHeader.CONTENT_TYPE, ProblemMapper.CONTENT_TYPE + ";charset=utf-8");
    headers.put(HttpHeader.CACHE_CONTROL, "no-store");
    headers.put(HttpHeader.CONTENT_LENGTH, Integer.toString(length));
    SecurityHeaders.apply(headers::put);
  }

  /** 4xx stays; an unparseable or unsupported request (501, 505) is a 400; other 5xx are ours. */
  static int clientStatus(int status) {
    if (status == 501 || status == 505) return 400;
    return status < 400 || status > 599 ? 500 : status;
  }

  static byte[] problem(int status, String reason, String instance) {
    String title = ProblemMapper.titleFor(status);
    String detail =
        status < 500 && reason != null && PRINTABLE.matcher(reason).matches() ? reason : title;
    try {
      return Json.mapper()
          .writeValueAsBytes(
              new Problem(
                  Problem.BASE + ProblemMapper.slugFor(status), title, status, detail, instance));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The request's path when it is short printable ASCII; else none (it may be the problem). */
  private static String instance(Request request) {
    try {
      String path = request.getHttpURI().getPath();
      return path != null && path.length() <= MAX_INSTANCE && PRINTABLE.matcher(path).matches()
          ? CapabilityPaths.redact(path)
          : null;
    } catch (RuntimeException e) {
      return null;
    }
  }
}
