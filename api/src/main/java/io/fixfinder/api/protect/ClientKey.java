package io.fixfinder.api.protect;

import io.fixfinder.api.problem.ApiException;
import io.fixfinder.core.config.ConfigException;
import io.javalin.http.Context;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who a request comes from, for rate limiting and votes: the TCP peer's address, unless that peer
 * is a configured trusted proxy, in which case the right-most {@code X-Forwarded-For} entry not
 * itself a trusted proxy (the one the proxy wrote). A client-sent header is never believed
 * otherwise: anything the client chooses freely would let it pick a fresh identity per request.
 *
 * <p>For the same reason an {@code X-Api-Key} never changes who a client is: a company's key is
 * checked by {@link io.fixfinder.api.tenants.KeyGate} (an unknown one refused with a 401, never a
 * new identity) and limited per tenant on top of the address's limit. An IPv6 client is its /64
 * network, the block one household or host is given, so rotating addresses within it buys nothing
 * either. The key is an address in canonical form, at most 45 characters: what a limiter or cache
 * keyed on it holds is bounded.
 */
public final class ClientKey {
  public static final String API_KEY_HEADER = "X-Api-Key";

  /** The longest textual IP address (an IPv6 address with an embedded IPv4 one). */
  static final int MAX_ADDRESS = 45;

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  private final Set<InetAddress> trustedProxies;

  /**
   * @param trustedProxies IP addresses in any spelling ({@code ::1}, {@code [0:0:0:0:0:0:0:1]})
   * @throws ConfigException for an entry that is not an IP address: a host name would never match
   *     (peers are addresses, and no name is looked up) and is a mistake to say at start
   */
  public ClientKey(List<String> trustedProxies) {
    Set<InetAddress> parsed = new HashSet<>();
    for (String proxy : trustedProxies) {
      parsed.add(
          address(proxy)
              .orElseThrow(
                  () ->
                      new ConfigException(
                          "server.trustedProxies: '"
                              + proxy
                              + "' is not an IP address (host names and ranges are not supported)")));
    }
    this.trustedProxies = Set.copyOf(parsed);
  }

  /**
   * The client's key: its address, whether or not the request carries an API key.
   *
   * @throws ApiException 400 {@code invalid-forwarded-for} when a trusted proxy forwarded something
   *     that is not an address
   */
  public String of(Context ctx) {
    return key(
        ctx.req().getRemoteAddr(), Collections.list(ctx.req().getHeaders("X-Forwarded-For")));
  }

  /**
   * The key of a request from {@code peer} (as Jetty gives it: IPv6 bracketed and uncompressed)
   * with these X-Forwarded-For lines.
   */
  String key(String peer, List<String> forwardedLines) {
    // The peer address comes from the socket: short, and ours to trust. A zone id (%eth0) is
    // local to this host, not part of who the client is.
    int zone = peer.indexOf('%');
    String bare = zone >= 0 ? peer.substring(0, zone) + (peer.endsWith("]") ? "]" : "") : peer;
    Optional<InetAddress> peerAddress = address(bare);
    String peerKey = peerAddress.map(ClientKey::keyOf).orElse(peer);
    if (peerAddress.isEmpty() || !trustedProxies.contains(peerAddress.get())) return peerKey;
    String forwarded = forwardedClient(forwardedLines);
    if (forwarded == null) return peerKey;
    return canonical(forwarded)
        .orElseThrow(
            () ->
                ApiException.badRequest(
                    "invalid-forwarded-for",
                    "The client address the proxy forwarded in X-Forwarded-For is not an IP"
                        + " address"));
  }

  /** The right-most entry of every X-Forwarded-For line that is not a trusted proxy; else null. */
  private String forwardedClient(List<String> lines) {
    List<String> hops = new ArrayList<>();
    for (String line : lines) for (String hop : line.split(",")) hops.add(hop.strip());
    for (int i = hops.size() - 1; i >= 0; i--) {
      String hop = hops.get(i);
      if (hop.isEmpty()) continue;
      Optional<InetAddress> address = address(hop);
      if (address.isEmpty() || !trustedProxies.contains(address.get())) return hop;
    }
    return null;
  }

  /**
   * An address in one spelling per client: IPv4 dotted quad; IPv6 as its /64 network ({@code
   * 2001:db8:1:2::/64}); an IPv4-mapped IPv6 address as the IPv4 one. Empty for anything that is
   * not an IP literal; never a DNS lookup (the text is checked before it is parsed).
   */
  static Optional<String> canonical(String text) {
    return address(text).map(ClientKey::keyOf);
  }

  /**
   * The IP address {@code text} spells, optionally in brackets; empty for anything else. Only
   * literals are parsed, never a name looked up: IPv4 is read here, and IPv6 text is checked to be
   * hex digits, colons and dots before the JDK parses it (text with ':' is never resolved).
   */
  static Optional<InetAddress> address(String text) {
    if (text == null) return Optional.empty();
    String s = text.strip();
    if (s.startsWith("[") && s.endsWith("]")) s = s.substring(1, s.length() - 1);
    if (s.length() > MAX_ADDRESS) return Optional.empty();
    try {
      if (IPV4.matcher(s).matches()) {
        String[] parts = s.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
          int octet = Integer.parseInt(parts[i]);
          if (octet > 255) return Optional.empty();
          bytes[i] = (byte) octet;
        }
        return Optional.of(InetAddress.getByAddress(bytes));
      }
      if (!s.contains(":") || !IPV6.matcher(s).matches()) return Optional.empty();
      InetAddress address = InetAddress.getByName(s);
      return address instanceof Inet4Address || address instanceof Inet6Address
          ? Optional.of(address)
          : Optional.empty();
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  private static String keyOf(InetAddress address) {
    if (address instanceof Inet4Address) return address.getHostAddress();
    byte[] b = address.getAddress();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 8; i += 2) {
      out.append(Integer.toHexString(((b[i] & 0xff) << 8) | (b[i + 1] & 0xff))).append(':');
    }
    return out.append(":/64").toString();
  }
}
