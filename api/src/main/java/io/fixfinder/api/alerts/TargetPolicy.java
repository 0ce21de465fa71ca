package io.fixfinder.api.alerts;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which webhook addresses a tenant may make the server call. The server posts to an address a
 * company typed in, so without a check a tenant could make it call into its own network (a cloud
 * metadata service, an admin port on loopback): the URL must be https, its host must resolve, and
 * no address it resolves to may be loopback, private, link-local, carrier-grade NAT, multicast or
 * unspecified, unless {@code dashboard.alertAllowPrivateTargets} (tests, closed networks), which
 * also lets plain http reach loopback. The check runs when the URL is saved and again before every
 * send (an address may resolve elsewhere later); redirects are never followed.
 */
public final class TargetPolicy {
  static final int MAX_URL = 2000;

  /** Resolves a host name to its addresses (the system resolver; tests pass their own). */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /** A verdict on a URL: the URI to call, or why not. */
  public sealed interface Verdict {
    record Allowed(URI uri) implements Verdict {}

    record Refused(String reason) implements Verdict {}
  }

  private final boolean allowPrivate;
  private final Resolver resolver;

  public TargetPolicy(boolean allowPrivate, Resolver resolver) {
    this.allowPrivate = allowPrivate;
    this.resolver = resolver;
  }

  /** With the system resolver. */
  public TargetPolicy(boolean allowPrivate) {
    this(allowPrivate, InetAddress::getAllByName);
  }

  /** Whether {@code url} may be called; the reason never quotes the URL. */
  public Verdict check(String url) {
    if (url == null || url.isBlank()) return new Verdict.Refused("is empty");
    if (url.length() > MAX_URL) return new Verdict.Refused("is longer than " + MAX_URL);
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      return new Verdict.Refused("is not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost();
    if (!scheme.equals("https") && !scheme.equals("http")) {
      return new Verdict.Refused("must start with https://");
    }
    if (scheme.equals("http") && !allowPrivate)
      return new Verdict.Refused("must start with https://");
    if (host == null || host.isEmpty()) return new Verdict.Refused("has no host");
    if (uri.getRawUserInfo() != null) {
      return new Verdict.Refused("must not carry a user name or password");
    }
    if (uri.getRawFragment() != null) return new Verdict.Refused("must not have a #fragment");
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(host);
    } catch (UnknownHostException e) {
      return new Verdict.Refused("has a host that does not resolve");
    }
    if (addresses.length == 0) return new Verdict.Refused("has a host that does not resolve");
    boolean allLoopback = true;
    for (InetAddress a : addresses) {
      if (!allowPrivate && internal(a)) {
        return new Verdict.Refused(
            "resolves to a loopback, private or link-local address, which alerts may not call");
      }
      allLoopback &= a.isLoopbackAddress();
    }
    if (scheme.equals("http") && !(allowPrivate && allLoopback)) {
      return new Verdict.Refused("must start with https://");
    }
    return new Verdict.Allowed(uri);
  }

  /** Whether {@code a} is inside some network rather than on the public internet. */
  static boolean internal(InetAddress a) {
    if (a.isLoopbackAddress()
        || a.isAnyLocalAddress()
        || a.isLinkLocalAddress()
        || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return true;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return first == 0 // "this network"
          || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT
          || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
          || (first == 198 && (second == 18 || second == 19)) // benchmarking
          || first >= 240; // reserved, broadcast
    }
    if (a instanceof Inet6Address) {
      int first = b[0] & 0xff;
      if ((first & 0xfe) == 0xfc) return true; // unique local fc00::/7
      // an IPv4 address inside IPv6 (::ffff:a.b.c.d, 64:ff9b::a.b.c.d): judge the IPv4 one
      boolean mapped = true;
      for (int i = 0; i < 10; i++) mapped &= b[i] == 0;
      mapped &= (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
      boolean nat64 =
          first == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
      if (mapped || nat64) {
        try {
          return internal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (UnknownHostException e) {
          return true;
        }
      }
    }
    return false;
  }
}
