package io.fixfinder.api.analytics;

import io.fixfinder.api.feedback.FeedbackHandler;
import io.fixfinder.api.search.SearchCache;
import io.fixfinder.api.search.SearchHandler;
import io.fixfinder.api.tenants.Keyed;
import io.fixfinder.api.tenants.Scopes;
import io.fixfinder.core.feedback.FeedbackItem;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The after-handler that counts what a keyed request did, from what its handler left behind: a
 * search's outcome, an issue served, a vote stored. Only successful requests with a valid key count
 * (the gate has resolved it: anonymous traffic is never counted). The click signal is an issue
 * fetched with the key ({@code GET /api/issues/{id}}, what the widget does when a person opens an
 * issue group): no extra request, nothing a visitor's browser must send.
 */
public final class AnalyticsCapture {
  private static final Logger LOG = LoggerFactory.getLogger(AnalyticsCapture.class);
  private static final Pattern ISSUE = Pattern.compile("/api/issues/([A-Za-z0-9_-]{1,64})");

  private final AnalyticsRecorder recorder;

  public AnalyticsCapture(AnalyticsRecorder recorder) {
    this.recorder = recorder;
  }

  /** A Javalin after-handler: never throws (a count is never worth a failed request). */
  public void apply(Context ctx) {
    try {
      Optional<Keyed> keyed = Scopes.keyed(ctx);
      if (keyed.isEmpty() || ctx.status().getCode() != 200) return;
      String tenant = keyed.get().tenantId();
      if (ctx.method() == HandlerType.GET) {
        SearchCache.Outcome outcome = ctx.attribute(SearchHandler.OUTCOME);
        if (outcome != null) {
          // a person paging on is the same search: only the first page counts
          if (pageOne(ctx)) {
            recorder.search(tenant, ctx.queryParam("q"), outcome.answered(), outcome.issueIds());
          }
          return;
        }
        Matcher m = ISSUE.matcher(ctx.path());
        if (m.matches()) recorder.opened(tenant, m.group(1));
      } else if (ctx.method() == HandlerType.POST) {
        FeedbackHandler.Voted voted = ctx.attribute(FeedbackHandler.VOTED);
        if (voted != null && voted.item().kind() == FeedbackItem.Kind.ISSUE) {
          recorder.vote(tenant, voted.item().id(), voted.answer());
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("analytics not counted: {}", e.getClass().getSimpleName());
    }
  }

  private static boolean pageOne(Context ctx) {
    String page = ctx.queryParam("page");
    return page == null || page.strip().equals("1");
  }
}
