package io.fixfinder.crawler.youtube;

import io.fixfinder.core.thumbs.ThumbnailStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Fetches video thumbnails into the {@link ThumbnailStore}, so pages show them from our own origin.
 * Only from YouTube's image hosts ({@code *.ytimg.com} over https) or the origin of the API root
 * the crawl was given (a local stand-in), never following redirects (a redirect could lead
 * anywhere, a private address included); at most {@link ThumbnailStore#MAX_BYTES} read; the store
 * keeps only bytes it recognises as an image. A thumbnail that cannot be had is a counted outcome,
 * and the video is kept without one.
 */
public final class ThumbnailFetcher {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient http;
  private final ThumbnailStore store;
  private final URI apiRoot;
  private final Map<String, Integer> outcomes = new TreeMap<>();

  public ThumbnailFetcher(ThumbnailStore store, URI apiRoot) {
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.store = store;
    this.apiRoot = apiRoot;
  }

  /** The store key of the thumbnail at {@code url}, when it could be fetched and kept. */
  public Optional<String> fetch(URI url) {
    if (!allowed(url)) return count("not a thumbnail host");
    try {
      HttpRequest request =
          HttpRequest.newBuilder(url).timeout(TIMEOUT).header("Accept", "image/*").GET().build();
      HttpResponse<InputStream> response =
          http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() != 200) return count("status " + response.statusCode());
        byte[] bytes = body.readNBytes(ThumbnailStore.MAX_BYTES + 1);
        return switch (store.put(bytes)) {
          case ThumbnailStore.Put.Stored stored -> {
            count("stored");
            yield Optional.of(stored.key());
          }
          case ThumbnailStore.Put.Refused refused -> count(refused.reason());
        };
      }
    } catch (IOException e) {
      return count("failed: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return count("interrupted");
    }
  }

  /** Outcome to how many thumbnails ended so ("stored", "status 404", ...). */
  public synchronized Map<String, Integer> outcomes() {
    return Map.copyOf(outcomes);
  }

  private synchronized Optional<String> count(String outcome) {
    outcomes.merge(outcome, 1, Integer::sum);
    return Optional.empty();
  }

  boolean allowed(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
    if (scheme.equals("https") && (host.equals("i.ytimg.com") || host.endsWith(".ytimg.com"))) {
      return true;
    }
    return scheme.equals(apiRoot.getScheme())
        && host.equalsIgnoreCase(apiRoot.getHost())
        && url.getPort() == apiRoot.getPort();
  }
}
