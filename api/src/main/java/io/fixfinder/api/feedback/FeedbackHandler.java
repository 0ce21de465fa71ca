package io.fixfinder.api.feedback;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.fixfinder.api.http.LimitedBody;
import io.fixfinder.api.problem.ApiException;
import io.fixfinder.api.protect.ClientKey;
import io.fixfinder.core.feedback.Answer;
import io.fixfinder.core.feedback.FeedbackItem;
import io.fixfinder.core.feedback.ItemExists;
import io.fixfinder.core.json.Json;
import io.fixfinder.store.StoreException;
import io.fixfinder.store.feedback.FeedbackStore;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/feedback} with {@code {"item": "doc:<id>" | "issue:<id>", "answer": "yes" | "no"
 * | "partly"}}: records the vote (one per client per item per UTC day; a second replaces the first)
 * and answers with the item's tally. Every malformed request is a problem with its own type.
 */
public final class FeedbackHandler {
  /** The request attribute holding the {@link Voted} vote stored (for analytics). */
  public static final String VOTED = "fixfinder.feedback.voted";

  /** A vote just stored: on what, and the answer. */
  public record Voted(FeedbackItem item, Answer answer) {}

  /** A vote is tiny; anything larger is not one. */
  public static final int MAX_BODY_BYTES = 1024;

  private static final Logger log = LoggerFactory.getLogger(FeedbackHandler.class);
  private static final Set<String> FIELDS = Set.of("item", "answer");
  private static final ObjectReader READER =
      Json.mapper()
          .reader()
          .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** The response: the item's tally after the vote and the caller's answer. */
  public record Response(String item, long yes, long no, long partly, String yourAnswer) {}

  private final FeedbackStore store;
  private final ItemExists items;
  private final ClientKey clients;

  /** Run after each stored vote: votes re-rank searches, so cached results are dropped. */
  private final Runnable afterVote;

  /** The item a vote is stored for: a merged issue's id resolved to its live issue. */
  private final UnaryOperator<FeedbackItem> live;

  /** Whether an item is in a key's scope (a record of its brands, an issue it admits). */
  private final java.util.function.BiPredicate<FeedbackItem, io.fixfinder.indexer.search.Scope>
      inScope;

  public FeedbackHandler(
      FeedbackStore store, ItemExists items, ClientKey clients, Runnable afterVote) {
    this(store, items, clients, afterVote, (item, scope) -> !scope.limited());
  }

  /**
   * @param inScope whether a key's scope may vote on an item; an item outside it is as unknown as
   *     one that does not exist (422), so a key learns nothing of what lies outside its scope
   */
  public FeedbackHandler(
      FeedbackStore store,
      ItemExists items,
      ClientKey clients,
      Runnable afterVote,
      java.util.function.BiPredicate<FeedbackItem, io.fixfinder.indexer.search.Scope> inScope) {
    this(store, items, clients, afterVote, inScope, UnaryOperator.identity());
  }

  /**
   * @param live the item a vote is stored for: the issue a merged issue's id was merged into (an
   *     old link's vote counts for the kept cluster), any other item itself
   */
  public FeedbackHandler(
      FeedbackStore store,
      ItemExists items,
      ClientKey clients,
      Runnable afterVote,
      java.util.function.BiPredicate<FeedbackItem, io.fixfinder.indexer.search.Scope> inScope,
      UnaryOperator<FeedbackItem> live) {
    this.store = store;
    this.items = items;
    this.clients = clients;
    this.afterVote = afterVote;
    this.inScope = inScope;
    this.live = live;
  }

  public void post(Context ctx) throws IOException {
    requireJson(ctx.contentType());
    JsonNode body = parse(LimitedBody.read(ctx, MAX_BODY_BYTES, "A feedback body"));
    FeedbackItem item = item(text(body, "item"));
    Answer answer =
        Answer.fromWire(text(body, "answer"))
            .orElseThrow(
                () ->
                    ApiException.badRequest(
                        "invalid-answer",
                        "Field 'answer' must be one of yes, no, partly; got '"
                            + abbreviate(body.get("answer").asText())
                            + "'"));
    Counted counted = vote(ctx, item, answer);
    FeedbackStore.Vote vote = counted.vote();
    ctx.header("Cache-Control", "no-store");
    ctx.json(
        new Response(
            counted.item().key(),
            vote.tally().yes(),
            vote.tally().no(),
            vote.tally().partly(),
            vote.yourAnswer().wire()));
  }

  /**
   * A stored vote and the item it was counted for: a merged issue's live issue, which answers and
   * pages name instead of the id that was sent.
   */
  public record Counted(FeedbackItem item, FeedbackStore.Vote vote) {}

  /**
   * Records {@code ctx}'s client's vote and drops cached searches: the one path of a vote, whether
   * it came as JSON or from a page's form.
   */
  public Counted vote(Context ctx, FeedbackItem sent, Answer answer) {
    FeedbackItem item = live.apply(sent);
    io.fixfinder.indexer.search.Scope scope = io.fixfinder.api.tenants.Scopes.of(ctx);
    if (!items.exists(item) || (scope.limited() && !inScope.test(item, scope))) {
      throw new ApiException(
          422, "unknown-item", "Unknown item", "No " + kindName(item) + " with id " + item.id());
    }
    FeedbackStore.Vote vote;
    try {
      vote = store.vote(item, answer, clients.of(ctx));
    } catch (StoreException e) {
      log.warn("feedback not stored: {}", e.getMessage());
      throw new ApiException(
          503,
          "database-unavailable",
          "Service unavailable",
          "The vote could not be stored; try again later.");
    }
    afterVote.run();
    ctx.attribute(VOTED, new Voted(item, answer));
    return new Counted(item, vote);
  }

  /** What {@code ctx}'s client answered today, by item key (empty when the store cannot say). */
  public Map<String, Answer> answersToday(Context ctx) {
    try {
      return store.answersToday(clients.of(ctx));
    } catch (StoreException e) {
      log.warn("today's answers not read: {}", e.getMessage());
      return Map.of();
    }
  }

  private static void requireJson(String contentType) {
    String media =
        contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!media.equals("application/json")) {
      throw new ApiException(
          415,
          "unsupported-media-type",
          "Unsupported media type",
          "Send the vote as application/json, not '"
              + abbreviate(contentType == null ? "" : contentType)
              + "'");
    }
  }

  private static JsonNode parse(byte[] bytes) {
    JsonNode body;
    try {
      body = READER.readTree(bytes);
    } catch (JacksonException e) {
      // Some failures have no location: nesting past Jackson's depth limit, for one.
      var at = e.getLocation();
      throw ApiException.badRequest(
          "malformed-json",
          at == null
              ? "The body is not valid JSON (nested too deep or too long)"
              : "The body is not valid JSON (line "
                  + at.getLineNr()
                  + ", column "
                  + at.getColumnNr()
                  + ")");
    } catch (IOException e) {
      throw ApiException.badRequest("malformed-json", "The body is not valid JSON");
    }
    if (body == null || body.isMissingNode()) {
      throw ApiException.badRequest("malformed-json", "The body is empty; send a JSON object");
    }
    if (!body.isObject()) {
      throw ApiException.badRequest(
          "invalid-body", "The body must be a JSON object like {\"item\":…,\"answer\":…}");
    }
    Set<String> unknown = new TreeSet<>();
    body.fieldNames().forEachRemaining(unknown::add);
    unknown.removeAll(FIELDS);
    if (!unknown.isEmpty()) {
      throw ApiException.badRequest(
          "unknown-field",
          "Unknown field(s) "
              + abbreviate(unknown.toString())
              + "; allowed: "
              + new TreeSet<>(FIELDS));
    }
    return body;
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      throw ApiException.badRequest("missing-field", "Field '" + field + "' is required");
    }
    if (!value.isTextual()) {
      throw ApiException.badRequest(
          "invalid-field", "Field '" + field + "' must be a string, got " + value.getNodeType());
    }
    return value.asText();
  }

  /**
   * An item key as sent ({@code doc:<id>}, {@code issue:<id>}), or a problem saying what is wrong.
   */
  public static FeedbackItem item(String raw) {
    int colon = raw.indexOf(':');
    String prefix = colon < 0 ? "" : raw.substring(0, colon);
    FeedbackItem.Kind kind =
        FeedbackItem.Kind.fromPrefix(prefix)
            .orElseThrow(
                () ->
                    ApiException.badRequest(
                        "unknown-item-kind",
                        "Field 'item' must start with doc: or issue:, got '"
                            + abbreviate(raw)
                            + "'"));
    String id = raw.substring(colon + 1);
    if (!FeedbackItem.validId(id)) {
      throw ApiException.badRequest(
          "invalid-item-id",
          "The id in 'item' must be 1-64 letters, digits, '-' or '_', got '"
              + abbreviate(id)
              + "'");
    }
    return new FeedbackItem(kind, id);
  }

  private static String kindName(FeedbackItem item) {
    return switch (item.kind()) {
      case DOC -> "document";
      case ISSUE -> "issue";
    };
  }

  private static String abbreviate(String s) {
    String flat = s.replaceAll("\\p{Cntrl}", "?");
    return flat.length() <= 40 ? flat : flat.substring(0, 40) + "…";
  }
}
