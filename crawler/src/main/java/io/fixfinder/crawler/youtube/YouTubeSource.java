package io.fixfinder.crawler.youtube;

import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.JsonFactory;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.youtube.YouTube;
import com.google.api.services.youtube.model.SearchListResponse;
import com.google.api.services.youtube.model.SearchResult;
import com.google.api.services.youtube.model.Video;
import com.google.api.services.youtube.model.VideoListResponse;
import io.fixfinder.core.model.Details;
import io.fixfinder.core.model.ProductRef;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.crawler.parse.Dates;
import io.fixfinder.crawler.parse.Draft;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repair videos through the official YouTube Data API v3 client: {@code search.list} per fix query,
 * then {@code videos.list} for duration and statistics. Every response is cached on disk and every
 * call is charged to the {@link QuotaLedger} before it is made; when the next call would exceed the
 * budget the source stops and says so.
 */
public final class YouTubeSource {
  private static final Logger log = LoggerFactory.getLogger(YouTubeSource.class);
  private static final JsonFactory JSON = GsonFactory.getDefaultInstance();

  /**
   * How a run went: videos found, calls made and served from cache, whether the budget stopped it.
   */
  public record Report(
      int videos,
      int searchCalls,
      int videoCalls,
      int cacheHits,
      boolean budgetExhausted,
      int failures) {}

  private final YouTube client;
  private final String apiKey;
  private final QuotaLedger quota;
  private final ResponseCache cache;
  private final int maxResults;

  /**
   * @param apiKey from {@code FIXFINDER_YOUTUBE_API_KEY}; never logged
   */
  public YouTubeSource(
      String rootUrl,
      String apiKey,
      QuotaLedger quota,
      java.nio.file.Path cacheDir,
      int maxResults) {
    this.client =
        new YouTube.Builder(
                new NetHttpTransport(),
                JSON,
                request -> {
                  request.setConnectTimeout(10_000);
                  request.setReadTimeout(20_000);
                })
            .setApplicationName("FixFinder")
            .setRootUrl(rootUrl.endsWith("/") ? rootUrl : rootUrl + "/")
            .build();
    this.apiKey = apiKey;
    this.quota = quota;
    this.cache = new ResponseCache(cacheDir);
    this.maxResults = maxResults;
  }

  /** Runs the queries and returns one draft per distinct video, in query order. */
  public List<Draft> fetch(List<String> queries, Report[] report) {
    Map<String, SearchResult> found = new LinkedHashMap<>();
    int searchCalls = 0, videoCalls = 0, hits = 0, failures = 0;
    boolean exhausted = false;
    for (String q : queries) {
      String key = "search|" + maxResults + "|" + q;
      Optional<String> cached = cache.get(key);
      SearchListResponse response;
      try {
        if (cached.isPresent()) {
          hits++;
          response = JSON.fromString(cached.get(), SearchListResponse.class);
        } else {
          if (!quota.tryCharge(QuotaLedger.SEARCH_COST)) {
            exhausted = true;
            log.warn(
                "YouTube quota budget reached ({} of {} units): stopping searches",
                quota.used(),
                quota.budget());
            break;
          }
          YouTube.Search.List search = client.search().list(List.of("snippet"));
          search.setKey(apiKey).setQ(q).setType(List.of("video")).setMaxResults((long) maxResults);
          response = search.execute();
          searchCalls++;
          cache.put(key, JSON.toString(response));
        }
      } catch (IOException e) {
        failures++;
        log.info("YouTube search failed for a query: {}", e.getClass().getSimpleName());
        continue;
      }
      if (response.getItems() == null) continue;
      for (SearchResult r : response.getItems()) {
        if (r.getId() != null && r.getId().getVideoId() != null)
          found.putIfAbsent(r.getId().getVideoId(), r);
      }
    }
    List<String> ids = new ArrayList<>(found.keySet());
    List<Draft> drafts = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += 50) {
      List<String> batch = ids.subList(from, Math.min(ids.size(), from + 50));
      String key = "videos|" + String.join(",", batch);
      try {
        VideoListResponse videos;
        Optional<String> cached = cache.get(key);
        if (cached.isPresent()) {
          hits++;
          videos = JSON.fromString(cached.get(), VideoListResponse.class);
        } else {
          if (!quota.tryCharge(QuotaLedger.VIDEOS_COST)) {
            exhausted = true;
            break;
          }
          YouTube.Videos.List list =
              client.videos().list(List.of("snippet", "contentDetails", "statistics"));
          list.setKey(apiKey).setId(batch);
          videos = list.execute();
          videoCalls++;
          cache.put(key, JSON.toString(videos));
        }
        if (videos.getItems() != null) videos.getItems().forEach(v -> drafts.add(draft(v)));
      } catch (IOException e) {
        failures++;
        log.info("YouTube videos.list failed: {}", e.getClass().getSimpleName());
      }
    }
    report[0] = new Report(drafts.size(), searchCalls, videoCalls, hits, exhausted, failures);
    return drafts;
  }

  static Draft draft(Video v) {
    String url = "https://www.youtube.com/watch?v=" + v.getId();
    var snippet = v.getSnippet();
    String title = snippet == null ? "" : snippet.getTitle();
    String description =
        snippet == null || snippet.getDescription() == null ? "" : snippet.getDescription();
    String channel = snippet == null ? "" : snippet.getChannelTitle();
    int seconds = 0;
    if (v.getContentDetails() != null && v.getContentDetails().getDuration() != null) {
      try {
        seconds = (int) Duration.parse(v.getContentDetails().getDuration()).toSeconds();
      } catch (RuntimeException e) {
        // a malformed duration is not worth losing the video
      }
    }
    long views = 0, likes = 0;
    if (v.getStatistics() != null) {
      views = value(v.getStatistics().getViewCount());
      likes = value(v.getStatistics().getLikeCount());
    }
    String tags =
        snippet == null || snippet.getTags() == null ? "" : String.join(" ", snippet.getTags());
    return new Draft(
        url,
        SourceKind.VIDEO,
        title,
        description + (tags.isEmpty() ? "" : "\n" + tags),
        ProductRef.UNKNOWN,
        false,
        snippet == null || snippet.getPublishedAt() == null
            ? null
            : Dates.parse(snippet.getPublishedAt().toStringRfc3339()),
        new Details.Video(
            v.getId(), channel, seconds, views, likes, Chapters.parse(description, url)),
        thumbnail(snippet));
  }

  /** The medium thumbnail (320×180; else the default one) the snippet links to. */
  private static java.util.Optional<java.net.URI> thumbnail(
      com.google.api.services.youtube.model.VideoSnippet snippet) {
    if (snippet == null || snippet.getThumbnails() == null) return java.util.Optional.empty();
    var t = snippet.getThumbnails();
    var pick = t.getMedium() != null ? t.getMedium() : t.getDefault();
    if (pick == null || pick.getUrl() == null) return java.util.Optional.empty();
    try {
      return java.util.Optional.of(java.net.URI.create(pick.getUrl()));
    } catch (IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
  }

  private static long value(BigInteger n) {
    return n == null ? 0 : n.longValue();
  }
}
