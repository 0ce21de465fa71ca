package io.fixfinder.api.widget;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /embed.js}: the widget script, read once from the jar. Other sites load it, so it may
 * be fetched from any origin ({@code crossorigin} with Subresource Integrity works, and pages that
 * isolate themselves with COEP may embed it); browsers keep it five minutes, then revalidate by
 * ETag, so a new release reaches embedding pages the same hour.
 */
public final class WidgetHandler {
  static final String RESOURCE = "/fixfinder-widget/embed.js";
  private static final byte[] SCRIPT = load();

  private WidgetHandler() {}

  public static void script(Context ctx) {
    ctx.header("Cache-Control", "public, max-age=300");
    ctx.header("Access-Control-Allow-Origin", "*");
    ctx.header("Cross-Origin-Resource-Policy", "cross-origin");
    ctx.contentType("text/javascript; charset=utf-8").result(SCRIPT);
  }

  private static byte[] load() {
    try (InputStream in = WidgetHandler.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
