package io.fixfinder.api.thumbs;

import io.fixfinder.api.pages.PageHandler;
import io.fixfinder.core.thumbs.ThumbnailStore;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Optional;

/** {@code GET /thumbs/{hash}}: one stored preview image, or 404 (HTML or problem, as pages do). */
public final class ThumbHandler {
  /** A year: the URL names the content's hash, so what it serves never changes. */
  static final String CACHE = "public, max-age=31536000, immutable";

  private final Optional<ThumbnailStore> store;

  /** {@code store} empty: a server without a data directory's thumbnails (every hash is 404). */
  public ThumbHandler(Optional<ThumbnailStore> store) {
    this.store = store;
  }

  public void thumb(Context ctx) throws IOException {
    String hash = ctx.pathParam("hash");
    Optional<ThumbnailStore.Image> image =
        store.isPresent() ? store.get().get(hash) : Optional.empty();
    if (image.isEmpty()) {
      PageHandler.notFound(ctx, "We have no image at that address.");
      return;
    }
    ctx.header("Cache-Control", CACHE);
    // The type is the one sniffed from the bytes on this read, never one a remote server claimed.
    ctx.status(200).contentType(image.get().type().mediaType()).result(image.get().bytes());
  }
}
