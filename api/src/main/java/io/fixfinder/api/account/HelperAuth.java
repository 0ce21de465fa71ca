package io.fixfinder.api.account;

import io.fixfinder.api.problem.ApiException;
import io.fixfinder.store.accounts.AccountStore;
import io.fixfinder.store.accounts.NewSession;
import io.fixfinder.store.accounts.Session;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who is signed in, for every handler that acts for a helper: the {@value #COOKIE} cookie names a
 * session of {@link AccountStore}; every state-changing request made with it must also carry the
 * session's CSRF secret (form field {@value #CSRF_FIELD} or header {@value #CSRF_HEADER}) and must
 * not come from a form on another site.
 *
 * <p>The cookie is HttpOnly (no script reads it), SameSite=Lax (not sent with another site's POST)
 * and Secure when the request came over TLS, directly or through a trusted proxy that says so in
 * {@code X-Forwarded-Proto}. SameSite alone is not relied on: older browsers ignore it, and a
 * sibling subdomain counts as same-site, hence the synchronizer token.
 */
public final class HelperAuth {
  /** The session cookie's name. */
  public static final String COOKIE = "ff_session";

  /** The form field that carries the CSRF secret. */
  public static final String CSRF_FIELD = "csrf";

  /** The header that carries the CSRF secret (for scripts and the JSON API). */
  public static final String CSRF_HEADER = "X-CSRF-Token";

  private static final String ATTRIBUTE = "fixfinder.helperSession";
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  private final AccountStore accounts;
  private final Set<InetAddress> trustedProxies;

  /**
   * @param trustedProxies the proxies whose {@code X-Forwarded-Proto} is believed, as in {@code
   *     server.trustedProxies} (IP literals; anything else is ignored here, and refused at start by
   *     {@link io.fixfinder.api.protect.ClientKey})
   */
  public HelperAuth(AccountStore accounts, List<String> trustedProxies) {
    this.accounts = accounts;
    Set<InetAddress> parsed = new HashSet<>();
    for (String proxy : trustedProxies) literal(proxy).ifPresent(parsed::add);
    this.trustedProxies = Set.copyOf(parsed);
  }

  /** The session of the request's cookie, if it is live (looked up once per request). */
  public Optional<Session> current(Context ctx) {
    Object cached = ctx.attribute(ATTRIBUTE);
    if (cached instanceof Session s) return Optional.of(s);
    if (cached != null) return Optional.empty();
    String token = ctx.cookie(COOKIE);
    Optional<Session> session =
        token == null || token.isEmpty() ? Optional.empty() : accounts.session(token);
    ctx.attribute(ATTRIBUTE, session.isPresent() ? session.get() : Boolean.FALSE);
    return session;
  }

  /**
   * The signed-in helper's session.
   *
   * @throws ApiException 401 {@code not-signed-in} without a live session
   */
  public Session require(Context ctx) {
    return current(ctx).orElseThrow(HelperAuth::notSignedIn);
  }

  /**
   * Refuses a state-changing request that does not prove it comes from our own page or script.
   *
   * @throws ApiException 403 {@code cross-site-form} for a request another site's page made; 403
   *     {@code csrf-token} when the session's CSRF secret is missing or wrong
   */
  public void requireCsrf(Context ctx, Session session) {
    if (!sameOrigin(ctx)) throw crossSite();
    String presented = ctx.header(CSRF_HEADER);
    if (presented == null && isForm(ctx)) presented = ctx.formParam(CSRF_FIELD);
    if (!session.csrfMatches(presented)) {
      throw new ApiException(
          403,
          "csrf-token",
          "Forbidden",
          "The request lacks this session's CSRF token (form field '"
              + CSRF_FIELD
              + "' or header "
              + CSRF_HEADER
              + "); reload the page and try again");
    }
  }

  /**
   * Refuses a form another site's page posted, for requests made before there is a session (sign
   * in, register): those have no CSRF secret yet, but a foreign page must not sign a visitor in.
   *
   * @throws ApiException 403 {@code cross-site-form}
   */
  public void requireSameOrigin(Context ctx) {
    if (!sameOrigin(ctx)) throw crossSite();
  }

  /** Sets the cookie of a session just created. */
  public void startSession(Context ctx, NewSession session) {
    Duration life = accounts.policy().sessionAbsolute();
    setCookie(ctx, session.token(), life.toSeconds());
    ctx.attribute(ATTRIBUTE, session.session());
  }

  /** Ends the request's session, if any, and clears the cookie. */
  public void endSession(Context ctx) {
    String token = ctx.cookie(COOKIE);
    if (token != null && !token.isEmpty()) accounts.logout(token);
    clearCookie(ctx);
  }

  /** Clears the cookie (the session is already gone: deleted account, all sessions ended). */
  public void clearCookie(Context ctx) {
    setCookie(ctx, "", 0);
    ctx.attribute(ATTRIBUTE, Boolean.FALSE);
  }

  /** Whether the request came over TLS, directly or by a trusted proxy's word. */
  public boolean overTls(Context ctx) {
    if ("https".equalsIgnoreCase(ctx.scheme())) return true;
    Optional<InetAddress> peer = literal(ctx.req().getRemoteAddr());
    if (peer.isEmpty() || !trustedProxies.contains(peer.get())) return false;
    String proto = ctx.header("X-Forwarded-Proto");
    if (proto == null) return false;
    // The proxy nearest us appends last.
    String[] hops = proto.split(",");
    return hops[hops.length - 1].strip().equalsIgnoreCase("https");
  }

  private void setCookie(Context ctx, String value, long maxAgeSeconds) {
    StringBuilder cookie =
        new StringBuilder(COOKIE)
            .append('=')
            .append(value)
            .append("; Path=/; Max-Age=")
            .append(maxAgeSeconds)
            .append("; HttpOnly; SameSite=Lax");
    if (overTls(ctx)) cookie.append("; Secure");
    ctx.res().addHeader("Set-Cookie", cookie.toString());
  }

  /**
   * A browser says where a request was made from: Sec-Fetch-Site, or else Origin. A request with
   * neither (a script, curl) is not another site's form; it still needs the CSRF secret.
   */
  static boolean sameOrigin(Context ctx) {
    String site = ctx.header("Sec-Fetch-Site");
    if (site != null) return site.equals("same-origin") || site.equals("none");
    String origin = ctx.header("Origin");
    if (origin == null) return true;
    String host = ctx.header("Host");
    return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
  }

  private static boolean isForm(Context ctx) {
    String type = ctx.contentType();
    return type != null
        && (type.startsWith("application/x-www-form-urlencoded")
            || type.startsWith("multipart/form-data"));
  }

  /** An IP literal only: never a name to look up. */
  private static Optional<InetAddress> literal(String text) {
    if (text == null) return Optional.empty();
    String s = text.strip();
    int zone = s.indexOf('%');
    if (zone >= 0) s = s.substring(0, zone) + (s.endsWith("]") ? "]" : "");
    if (s.startsWith("[") && s.endsWith("]")) s = s.substring(1, s.length() - 1);
    boolean v6 = s.contains(":") && IPV6.matcher(s).matches();
    if (!v6 && !IPV4.matcher(s).matches()) return Optional.empty();
    try {
      return Optional.of(InetAddress.getByName(s));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  static ApiException notSignedIn() {
    return new ApiException(
            401, "not-signed-in", "Unauthorized", "Sign in as a helper to use this endpoint")
        .withHeader("WWW-Authenticate", "Cookie realm=\"fixfinder\"");
  }

  private static ApiException crossSite() {
    return new ApiException(
        403,
        "cross-site-form",
        "Forbidden",
        "Account changes are taken only from FixFinder's own pages");
  }
}
