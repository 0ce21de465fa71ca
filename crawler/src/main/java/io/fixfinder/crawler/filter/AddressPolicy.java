package io.fixfinder.crawler.filter;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Decides whether an address may be contacted. The crawler fetches untrusted links by design, so a
 * link to {@code http://169.254.169.254/} or {@code http://10.0.0.1/admin} must not turn it into a
 * proxy into the operator's network. Checked on the resolved addresses, at queue time and again at
 * connect time (every redirect hop connects anew), see {@link GuardedDnsResolver}.
 */
public final class AddressPolicy {

  /** Resolves a host name; replaceable so tests can map names to chosen addresses. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private final Resolver resolver;

  public AddressPolicy(Resolver resolver) {
    this.resolver = resolver;
  }

  public static AddressPolicy system() {
    return new AddressPolicy(InetAddress::getAllByName);
  }

  public UrlVerdict check(String host, boolean allowPrivate) {
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(host);
    } catch (UnknownHostException e) {
      return UrlVerdict.reject("unknown host");
    }
    if (allowPrivate) return UrlVerdict.ACCEPT;
    for (InetAddress address : addresses) {
      if (isPrivate(address)) {
        return UrlVerdict.reject("private address " + address.getHostAddress());
      }
    }
    return UrlVerdict.ACCEPT;
  }

  InetAddress[] resolve(String host) throws UnknownHostException {
    return resolver.resolve(host);
  }

  /**
   * Loopback, private (RFC 1918, ULA), link-local, carrier-grade NAT, any-local, multicast; an IPv6
   * address that embeds an IPv4 one (mapped, compatible, NAT64, 6to4, Teredo, ISATAP) is judged by
   * the embedded address, see {@link EmbeddedIpv4}.
   */
  public static boolean isPrivate(InetAddress address) {
    if (address.isLoopbackAddress()
        || address.isAnyLocalAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return true;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet6Address) {
      if ((b[0] & 0xfe) == 0xfc) return true; // fc00::/7 unique local
      if (EmbeddedIpv4.isLocalUseNat64(b)) return true;
      for (InetAddress embedded : EmbeddedIpv4.in(b)) {
        if (isPrivate(embedded)) return true;
      }
      return false;
    }
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    return first == 0 // "this network"
        || (first == 100 && second >= 64 && second <= 127) // CGNAT 100.64/10
        || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
        || (first == 198 && (second == 18 || second == 19)) // benchmarking
        || first >= 240; // reserved and broadcast
  }
}
