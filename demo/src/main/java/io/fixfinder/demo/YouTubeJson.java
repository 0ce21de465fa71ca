package io.fixfinder.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * YouTube Data API v3 resources in the API's own JSON shape (field names, counts as strings,
 * thumbnails), so the official client parses them as it parses the real service.
 */
final class YouTubeJson {
  private YouTubeJson() {}

  /** A full {@code youtube#video} resource with snippet, contentDetails and statistics. */
  static ObjectNode video(Video v) {
    ObjectNode n = JsonLd.MAPPER.createObjectNode();
    n.put("kind", "youtube#video");
    n.put("etag", etag("video:" + v.id() + ":" + v.views()));
    n.put("id", v.id());
    ObjectNode snippet = n.putObject("snippet");
    snippet.put("publishedAt", Clock.iso(v.published()));
    snippet.put("channelId", v.channel().id());
    snippet.put("title", v.title());
    snippet.put("description", v.description());
    snippet.set("thumbnails", thumbnails(v.id()));
    snippet.put("channelTitle", v.channel().title());
    ArrayNode tags = snippet.putArray("tags");
    v.tags().forEach(tags::add);
    snippet.put("categoryId", "26"); // Howto & Style
    snippet.put("liveBroadcastContent", "none");
    snippet.put("defaultAudioLanguage", "en");
    ObjectNode localized = snippet.putObject("localized");
    localized.put("title", v.title());
    localized.put("description", v.description());
    ObjectNode details = n.putObject("contentDetails");
    details.put("duration", v.duration());
    details.put("dimension", "2d");
    details.put("definition", "hd");
    details.put("caption", "false");
    details.put("licensedContent", false);
    details.putObject("contentRating");
    details.put("projection", "rectangular");
    ObjectNode stats = n.putObject("statistics");
    stats.put("viewCount", Long.toString(v.views()));
    stats.put("likeCount", Long.toString(v.likes()));
    stats.put("favoriteCount", "0");
    stats.put("commentCount", Long.toString(v.comments()));
    return n;
  }

  /** The file the fake API serves from: a {@code youtube#videoListResponse} of every video. */
  static ObjectNode listResponse(List<? extends JsonNode> items) {
    ObjectNode n = JsonLd.MAPPER.createObjectNode();
    n.put("kind", "youtube#videoListResponse");
    n.put("etag", etag("list:" + items.size()));
    ArrayNode array = n.putArray("items");
    items.forEach(array::add);
    ObjectNode page = n.putObject("pageInfo");
    page.put("totalResults", items.size());
    page.put("resultsPerPage", items.size());
    return n;
  }

  /** Where YouTube serves thumbnails; the fake API serves them itself at the same paths. */
  static final String THUMBNAIL_ORIGIN = "https://i.ytimg.com/";

  static ObjectNode thumbnails(String id) {
    ObjectNode t = JsonLd.MAPPER.createObjectNode();
    thumbnail(t, "default", id, "default.jpg", 120, 90);
    thumbnail(t, "medium", id, "mqdefault.jpg", 320, 180);
    thumbnail(t, "high", id, "hqdefault.jpg", 480, 360);
    return t;
  }

  private static void thumbnail(ObjectNode t, String name, String id, String file, int w, int h) {
    ObjectNode n = t.putObject(name);
    n.put("url", THUMBNAIL_ORIGIN + "vi/" + id + "/" + file);
    n.put("width", w);
    n.put("height", h);
  }

  /** An etag in the API's style (27 URL-safe base64 characters), derived from the content. */
  static String etag(String seed) {
    String hash = SiteFiles.sha256(seed.getBytes(StandardCharsets.UTF_8));
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(hash.substring(0, 40).getBytes(StandardCharsets.US_ASCII))
        .substring(0, 27);
  }
}
