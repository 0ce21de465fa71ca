package io.fixfinder.api.docs;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/** {@code GET /openapi.yaml} and {@code GET /docs}: the API's description, static from the jar. */
public final class DocsHandler {
  private DocsHandler() {}

  public static void openApi(Context ctx) throws IOException {
    ctx.contentType("application/yaml; charset=utf-8").result(resource("/openapi.yaml"));
  }

  /** The human-readable API page: static HTML, no script, nothing echoed. */
  public static void docs(Context ctx) throws IOException {
    ctx.contentType("text/html; charset=utf-8").result(resource("/fixfinder-docs/api.html"));
  }

  private static byte[] resource(String path) throws IOException {
    try (InputStream in = DocsHandler.class.getResourceAsStream(path)) {
      if (in == null) throw new IllegalStateException(path + " is missing from the classpath");
      return in.readAllBytes();
    }
  }
}
