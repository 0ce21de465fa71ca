package io.fixfinder.api.tenants;

import io.fixfinder.api.problem.ApiException;
import io.fixfinder.api.protect.ClientKey;
import io.fixfinder.store.StoreException;
import io.fixfinder.store.tenants.KeyKind;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The first check of a request that carries {@code X-Api-Key}, on every path, before any handler: a
 * key is valid and the request is acted on in its tenant's scope, or the request is refused. Never
 * an anonymous fallback. In order:
 *
 * <ol>
 *   <li>unknown, malformed, revoked or past its rotation grace: 401 {@code unknown-api-key};
 *   <li>an endpoint keys cannot call (accounts, contact, pages, operations): 403 {@code
 *       api-key-not-accepted};
 *   <li>an {@code Origin} the tenant does not allow, or any {@code Origin} with a secret key (a
 *       secret key in a browser is a leaked key): 403 {@code origin-not-allowed};
 *   <li>the tenant's rate limit, then its daily quota: 429 {@code rate-limited}, {@code
 *       quota-exceeded}.
 * </ol>
 *
 * The per-address limit runs before this, for keyed requests too: a key never widens it. A request
 * from an allowed origin gets CORS headers for exactly that origin, its refusals (429) included; a
 * key that is not valid, sent from some tenant's origin, gets them with its 401, so the page can
 * tell a bad key from an API that cannot be reached. The key never reaches a log line or a problem:
 * problems name the key's kind at most.
 */
public final class KeyGate {
  /**
   * The endpoints a key may call: search, suggest, issues, products, feedback, helpers, and the
   * dashboard and its alert settings (which take only a secret key).
   */
  private static final Pattern KEYED_GET =
      Pattern.compile(
          "/api/(search|suggest|helpers|issues/[^/]+|products/[^/]+|helpers/[^/]+|dashboard"
              + "|dashboard/alerts)");

  /** What keyed endpoints' answers vary by. */
  public static final String VARY = "Origin, X-Api-Key";

  private final Optional<Tenancy> tenancy;

  public KeyGate(Optional<Tenancy> tenancy) {
    this.tenancy = tenancy;
  }

  /** A Javalin before-handler. */
  public void apply(Context ctx) {
    // the same URL answers differently with another key or none: no cache may mix them up
    if (keyedEndpoint(ctx)) ctx.header("Vary", VARY);
    String key = ctx.header(ClientKey.API_KEY_HEADER);
    if (key == null) return;
    if (ctx.method() == HandlerType.OPTIONS) return; // a preflight is answered by Cors
    if (tenancy.isEmpty()) throw unknown();
    String origin = ctx.header("Origin");
    // a page of some tenant may read why it was refused (a widget tells a bad key from an API
    // that is down); the refusal itself says nothing of any tenant
    if (origin != null && tenancy.get().allOrigins().contains(origin)) {
      ctx.header("Access-Control-Allow-Origin", origin);
      ctx.header("Vary", VARY);
    }
    Keyed keyed;
    try {
      keyed = tenancy.get().resolve(key.strip()).orElseThrow(KeyGate::unknown);
    } catch (StoreException e) {
      throw new ApiException(
          503,
          "database-unavailable",
          "Service unavailable",
          "The API key could not be checked; try again later.");
    }
    if (!keyedEndpoint(ctx)) {
      throw new ApiException(
          403,
          "api-key-not-accepted",
          "API key not accepted here",
          "Keys are for GET /api/search, /api/suggest, /api/issues/{id}, /api/products/{id},"
              + " /api/helpers, /api/dashboard, /api/dashboard/alerts, POST /api/feedback and PUT"
              + " /api/dashboard/alerts; send this request without X-Api-Key");
    }
    if (origin != null) {
      // refused from here: no page but the key's tenant's may read the answer
      if (keyed.kind() == KeyKind.SECRET || !keyed.origins().contains(origin)) {
        ctx.res().setHeader("Access-Control-Allow-Origin", null);
      }
      if (keyed.kind() == KeyKind.SECRET) {
        throw new ApiException(
            403,
            "origin-not-allowed",
            "Origin not allowed",
            "A secret key (sk_) is for servers and is refused from any browser origin; use the"
                + " publishable key (pk_) in pages");
      }
      if (!keyed.origins().contains(origin)) {
        throw new ApiException(
            403,
            "origin-not-allowed",
            "Origin not allowed",
            "This key may not be used from this origin; its tenant lists the origins it allows");
      }
      ctx.header("Access-Control-Allow-Origin", origin);
      ctx.header("Access-Control-Expose-Headers", "Retry-After");
      ctx.header("Vary", VARY);
    }
    switch (tenancy.get().charge(keyed)) {
      case Tenancy.Charge.Allowed a -> {}
      case Tenancy.Charge.RateLimited r -> throw ApiException.rateLimited(r.retryAfterSeconds());
      case Tenancy.Charge.QuotaExceeded q ->
          throw new ApiException(
                  429,
                  "quota-exceeded",
                  "Daily quota exceeded",
                  "This key's tenant has used its requests for today (UTC); retry after "
                      + q.retryAfterSeconds()
                      + " s")
              .withHeader("Retry-After", Long.toString(q.retryAfterSeconds()));
    }
    ctx.attribute(Scopes.ATTRIBUTE, keyed);
  }

  private static boolean keyedEndpoint(Context ctx) {
    String path = ctx.path();
    if (ctx.method() == HandlerType.POST) return path.equals("/api/feedback");
    if (ctx.method() == HandlerType.PUT) return path.equals("/api/dashboard/alerts");
    if (ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD) return false;
    return KEYED_GET.matcher(path).matches();
  }

  /** The one answer for every key that is not valid now, whatever the reason. */
  public static ApiException unknown() {
    return new ApiException(
            401,
            "unknown-api-key",
            "Unknown API key",
            "The X-Api-Key is not valid (unknown, revoked or rotated out); send a valid key or"
                + " none")
        .withHeader("WWW-Authenticate", "ApiKey realm=\"fixfinder\"");
  }
}
