package io.fixfinder.api.http;

import io.fixfinder.api.problem.ApiException;
import io.fixfinder.api.problem.ProblemMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body up to a limit, so that no endpoint buffers more than it will accept. */
public final class LimitedBody {
  private LimitedBody() {}

  /**
   * The body's bytes: a declared or actual length over {@code maxBytes} is a 413 problem naming
   * {@code what} ("A feedback body"), a body shorter than its declared length or cut off mid-way is
   * an incomplete-body problem (the client's doing, not ours).
   */
  public static byte[] read(Context ctx, int maxBytes, String what) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > maxBytes) throw tooLarge(maxBytes, what);
    byte[] bytes;
    try (InputStream in = ctx.req().getInputStream()) {
      bytes = in.readNBytes(maxBytes + 1);
    } catch (IOException e) {
      throw ProblemMapper.incompleteBody();
    }
    if (bytes.length > maxBytes) throw tooLarge(maxBytes, what);
    if (declared >= 0 && bytes.length < declared) throw ProblemMapper.incompleteBody();
    return bytes;
  }

  private static ApiException tooLarge(int maxBytes, String what) {
    return new ApiException(
        413,
        "body-too-large",
        "Request body too large",
        what + " is at most " + maxBytes + " bytes");
  }
}
