package io.fixfinder.api.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32C;

/**
 * A strong ETag on every successful GET: CRC-32C and length of the body (a change detector, as
 * ETags need; the CPU intrinsic makes it nearly free, where Javalin's own generator took a third of
 * the CPU of a search). A matching If-None-Match gets 304 and no body.
 */
public final class ETags {
  private ETags() {}

  /** A Javalin after-handler. */
  public static void apply(Context ctx) throws IOException {
    if (!"GET".equals(ctx.method().name()) || ctx.statusCode() != 200) return;
    InputStream in = ctx.resultInputStream();
    if (in == null) return;
    byte[] body = in.readAllBytes();
    CRC32C crc = new CRC32C();
    crc.update(body);
    String tag =
        "\"" + Long.toHexString(crc.getValue()) + "-" + Integer.toHexString(body.length) + "\"";
    ctx.header("ETag", tag);
    if (tag.equals(ctx.header("If-None-Match"))) {
      ctx.status(304);
      ctx.result(new byte[0]);
    } else {
      ctx.result(body);
    }
  }
}
