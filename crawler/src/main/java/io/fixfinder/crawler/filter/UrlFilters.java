package io.fixfinder.crawler.filter;

import io.fixfinder.crawler.source.SiteConfig;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The standard filters and the chain a site gets. */
public final class UrlFilters {
  private static final Set<String> SCHEMES = Set.of("http", "https");

  /** Files we never want: they carry no troubleshooting text we can read. */
  private static final Pattern SKIPPED_EXTENSIONS =
      Pattern.compile(
          ".*\\.(css|js|mjs|json|png|jpe?g|gif|webp|svg|ico|bmp|tiff?|mp[34]|m4a|webm|avi|mov|wav|ogg|flac|zip|gz|tgz|bz2|xz|7z|rar|exe|msi|dmg|iso|bin|apk|woff2?|ttf|eot|otf|docx?|xlsx?|pptx?)$",
          Pattern.CASE_INSENSITIVE);

  private UrlFilters() {}

  /** Only http and https; never file:, ftp:, mailto:, javascript: or data:. */
  public static UrlFilter scheme() {
    return url -> {
      String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
      return SCHEMES.contains(scheme) ? UrlVerdict.ACCEPT : UrlVerdict.reject("scheme " + scheme);
    };
  }

  public static UrlFilter extensions() {
    return url -> {
      String path = url.getRawPath() == null ? "" : url.getRawPath();
      return SKIPPED_EXTENSIONS.matcher(path).matches()
          ? UrlVerdict.reject("unwanted file type")
          : UrlVerdict.ACCEPT;
    };
  }

  /** URLs must match one of the patterns, or (no patterns) share a host:port with a seed. */
  public static UrlFilter scope(SiteConfig site) {
    if (!site.allow().isEmpty()) {
      List<Pattern> allow = site.allow();
      return url -> {
        String s = url.toString();
        return allow.stream().anyMatch(p -> p.matcher(s).find())
            ? UrlVerdict.ACCEPT
            : UrlVerdict.reject("outside site scope");
      };
    }
    Set<String> origins =
        site.seeds().stream().map(UrlFilters::authority).collect(Collectors.toSet());
    return url ->
        origins.contains(authority(url))
            ? UrlVerdict.ACCEPT
            : UrlVerdict.reject("outside site scope");
  }

  /** Rejects hosts that are, or resolve to, private addresses (unless the site allows them). */
  public static UrlFilter network(SiteConfig site, AddressPolicy policy) {
    return url -> {
      if (url.getHost() == null) return UrlVerdict.reject("no host");
      return policy.check(url.getHost(), site.allowPrivateNetwork());
    };
  }

  /** The chain every URL of a site passes before it is queued. */
  public static UrlFilter forSite(SiteConfig site, AddressPolicy policy) {
    List<UrlFilter> filters = new ArrayList<>();
    filters.add(scheme());
    filters.add(extensions());
    filters.add(scope(site));
    filters.add(network(site, policy));
    return UrlFilter.chain(filters);
  }

  static String authority(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
    int port = url.getPort();
    if (port == -1) port = "https".equals(scheme) ? 443 : 80;
    return scheme + "://" + host + ":" + port;
  }
}
