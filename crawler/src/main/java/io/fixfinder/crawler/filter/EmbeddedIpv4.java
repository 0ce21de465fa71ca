package io.fixfinder.crawler.filter;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The IPv4 addresses an IPv6 address carries. A transition address reaches the IPv4 host it embeds
 * (through a NAT64 gateway, a 6to4 or Teredo relay, an ISATAP router, or a dual stack), so the
 * private-address policy must judge that IPv4 host: {@code [64:ff9b::a9fe:a9fe]} is the cloud
 * metadata service, {@code [::127.0.0.1]} is loopback.
 */
final class EmbeddedIpv4 {
  private EmbeddedIpv4() {}

  /** Every IPv4 address embedded in the 16 bytes of an IPv6 address; empty when none is. */
  static List<Inet4Address> in(byte[] v6) {
    List<Inet4Address> found = new ArrayList<>(2);
    if (zero(v6, 0, 10) && (v6[10] & 0xff) == 0xff && (v6[11] & 0xff) == 0xff) {
      found.add(v4(v6, 12, 0)); // ::ffff:a.b.c.d mapped
    } else if (zero(v6, 0, 12)) {
      found.add(v4(v6, 12, 0)); // ::a.b.c.d compatible (and :: and ::1, judged as 0.0.0.x)
    } else if (zero(v6, 0, 8) && word(v6, 8) == 0xffff && word(v6, 10) == 0) {
      found.add(v4(v6, 12, 0)); // ::ffff:0:a.b.c.d translated (RFC 2765)
    } else if (word(v6, 0) == 0x0064 && word(v6, 2) == 0xff9b && zero(v6, 4, 12)) {
      found.add(v4(v6, 12, 0)); // 64:ff9b::/96 NAT64 well-known prefix (RFC 6052)
    } else if (word(v6, 0) == 0x2002) {
      found.add(v4(v6, 2, 0)); // 2002:AABB:CCDD::/48 6to4 (RFC 3056)
    } else if (word(v6, 0) == 0x2001 && word(v6, 2) == 0x0000) {
      found.add(v4(v6, 4, 0)); // Teredo server (RFC 4380)
      found.add(v4(v6, 12, 0xff)); // Teredo client, stored inverted
    }
    int idHigh = word(v6, 8) & ~0x0200; // the universal/local bit may be set (RFC 5214)
    if (idHigh == 0 && word(v6, 10) == 0x5efe) {
      found.add(v4(v6, 12, 0)); // ISATAP interface id ::0:5efe:a.b.c.d under any prefix
    }
    return found;
  }

  /**
   * The NAT64 local-use prefix 64:ff9b:1::/48 (RFC 8215): not globally reachable, and the network
   * chooses where inside it the IPv4 address sits, so the whole prefix counts as private.
   */
  static boolean isLocalUseNat64(byte[] v6) {
    return word(v6, 0) == 0x0064 && word(v6, 2) == 0xff9b && word(v6, 4) == 0x0001;
  }

  private static Inet4Address v4(byte[] v6, int from, int mask) {
    byte[] b = new byte[4];
    for (int i = 0; i < 4; i++) b[i] = (byte) (v6[from + i] ^ mask);
    try {
      return (Inet4Address) InetAddress.getByAddress(b);
    } catch (UnknownHostException e) {
      throw new AssertionError("four bytes are always an IPv4 address", e);
    }
  }

  private static int word(byte[] b, int at) {
    return (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
  }

  private static boolean zero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) if (b[i] != 0) return false;
    return true;
  }
}
