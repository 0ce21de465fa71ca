package io.fixfinder.store.tenants;

import io.fixfinder.core.model.ProductRef;
import io.fixfinder.core.understand.Lexicon;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What makes a tenant valid, checked before anything is stored: a name; brands the lexicon knows
 * (records are keyed only by those, so another name would match nothing and fail silently); product
 * ids of models the lexicon knows; at least one brand or product (a key that sees nothing helps
 * nobody, a key that sees everything is not a tenant's); origins as browsers send them; and limits
 * in range. Values come back normalised: brands as the lexicon spells them, origins in lower case
 * without a default port.
 */
public final class TenantRules {
  public static final int MAX_NAME = 200;
  public static final int MAX_VALUES = 200;
  public static final int MAX_RATE_PER_MINUTE = 1_000_000;
  public static final int MAX_DAILY_QUOTA = 1_000_000_000;

  /** A refused value: the message is one line naming it. */
  public static final class Invalid extends IllegalArgumentException {
    public Invalid(String message) {
      super(message);
    }
  }

  private final Map<String, String> brands = new TreeMap<>();
  private final Set<String> products = new LinkedHashSet<>();

  public TenantRules(Lexicon lexicon) {
    for (Lexicon.Brand b : lexicon.brands()) {
      brands.put(b.name().toLowerCase(Locale.ROOT), b.name());
      b.models()
          .forEach(
              (model, type) -> products.add(new ProductRef(type, b.name(), model).productId()));
    }
  }

  /** The spec normalised, or {@link Invalid} naming the first bad value. */
  public TenantSpec check(TenantSpec spec) {
    String name = spec.name() == null ? "" : spec.name().strip();
    if (name.isEmpty()) throw new Invalid("--name must not be empty");
    if (name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
      throw new Invalid(
          "--name must be at most " + MAX_NAME + " characters without control characters");
    }
    List<String> okBrands = new ArrayList<>();
    for (String b : distinct(spec.brands(), "--brands")) {
      String known = brands.get(b.toLowerCase(Locale.ROOT));
      if (known == null) {
        throw new Invalid("--brands: '" + shown(b) + "' is not a brand the lexicon knows");
      }
      if (!okBrands.contains(known)) okBrands.add(known);
    }
    List<String> okProducts = new ArrayList<>();
    for (String p : distinct(spec.products(), "--products")) {
      String id = p.toLowerCase(Locale.ROOT);
      if (!products.contains(id)) {
        throw new Invalid(
            "--products: '"
                + shown(p)
                + "' is not a product id the lexicon knows"
                + " (brand-model, e.g. aqualine-wm8420x)");
      }
      if (!okProducts.contains(id)) okProducts.add(id);
    }
    if (okBrands.isEmpty() && okProducts.isEmpty()) {
      throw new Invalid("give --brands or --products: a tenant's keys see only those");
    }
    List<String> okOrigins = new ArrayList<>();
    for (String o : distinct(spec.origins(), "--origins")) {
      String origin = origin(o);
      if (!okOrigins.contains(origin)) okOrigins.add(origin);
    }
    if (spec.rateLimitPerMinute() < 1 || spec.rateLimitPerMinute() > MAX_RATE_PER_MINUTE) {
      throw new Invalid(
          "--rate-limit must be 1-" + MAX_RATE_PER_MINUTE + ", got " + spec.rateLimitPerMinute());
    }
    if (spec.dailyQuota() < 1 || spec.dailyQuota() > MAX_DAILY_QUOTA) {
      throw new Invalid("--quota must be 1-" + MAX_DAILY_QUOTA + ", got " + spec.dailyQuota());
    }
    return new TenantSpec(
        name, okBrands, okProducts, okOrigins, spec.rateLimitPerMinute(), spec.dailyQuota());
  }

  /**
   * An origin as a browser sends it in {@code Origin}: {@code https://host[:port]} in lower case,
   * without a default port, path, query or user; {@link Invalid} otherwise.
   */
  public static String origin(String text) {
    String t = text.strip();
    URI uri;
    try {
      uri = new URI(t);
    } catch (URISyntaxException e) {
      throw new Invalid("--origins: '" + shown(t) + "' is not an origin like https://example.com");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean bare =
        (uri.getRawPath() == null || uri.getRawPath().isEmpty())
            && uri.getRawQuery() == null
            && uri.getRawFragment() == null
            && uri.getRawUserInfo() == null;
    if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || !bare) {
      throw new Invalid(
          "--origins: '"
              + shown(t)
              + "' is not an origin (scheme, host and port only, e.g. https://help.example.com)");
    }
    int port = uri.getPort();
    boolean defaultPort =
        port == -1
            || (scheme.equals("https") && port == 443)
            || (scheme.equals("http") && port == 80);
    return scheme
        + "://"
        + uri.getHost().toLowerCase(Locale.ROOT)
        + (defaultPort ? "" : ":" + port);
  }

  private static List<String> distinct(List<String> values, String option) {
    List<String> out = new ArrayList<>();
    for (String v : values) {
      for (String part : v.split(",")) {
        String s = part.strip();
        if (s.isEmpty()) continue;
        if (s.length() > 200 || s.chars().anyMatch(Character::isISOControl)) {
          throw new Invalid(option + ": a value is longer than 200 characters or not printable");
        }
        out.add(s);
      }
    }
    if (out.size() > MAX_VALUES) throw new Invalid(option + ": at most " + MAX_VALUES + " values");
    return out;
  }

  private static String shown(String s) {
    String flat = s.replaceAll("\\p{Cntrl}", "?");
    return flat.length() <= 60 ? flat : flat.substring(0, 60) + "…";
  }
}
