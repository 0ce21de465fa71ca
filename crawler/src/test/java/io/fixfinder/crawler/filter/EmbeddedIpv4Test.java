package io.fixfinder.crawler.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fixfinder.core.model.SourceKind;
import io.fixfinder.crawler.source.SiteConfig;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Data-driven: every IPv6 form that carries an IPv4 address is judged by the IPv4 address it
 * carries. Each row is an address literal, the verdict, and the form it exercises; the address is
 * checked three ways: the policy itself, a URL through the site's network filter, and the
 * connect-time resolver.
 */
class EmbeddedIpv4Test {
  /** Resolves literals only, so no lookup leaves the machine. */
  private static final AddressPolicy POLICY =
      new AddressPolicy(host -> new InetAddress[] {literal(host)});

  private static final SiteConfig SITE =
      SiteConfig.of("forum", SourceKind.FORUM, URI.create("https://forum.example/"), false);

  @ParameterizedTest(name = "{0} is {1} ({2})")
  @CsvSource(
      delimiter = '|',
      value = {
        // IPv4-compatible ::a.b.c.d (deprecated, still parsed and routed by some stacks)
        "::127.0.0.1               | private | IPv4-compatible loopback",
        "::10.1.2.3                | private | IPv4-compatible RFC 1918",
        "::169.254.169.254         | private | IPv4-compatible metadata",
        "::8.8.8.8                 | public  | IPv4-compatible public",
        // IPv4-mapped ::ffff:a.b.c.d and IPv4-translated ::ffff:0:a.b.c.d
        "::ffff:10.0.0.1           | private | IPv4-mapped",
        "::ffff:0:127.0.0.1        | private | IPv4-translated loopback",
        "::ffff:0:8.8.8.8          | public  | IPv4-translated public",
        // NAT64 well-known prefix 64:ff9b::/96
        "64:ff9b::127.0.0.1        | private | NAT64 loopback",
        "64:ff9b::a9fe:a9fe        | private | NAT64 metadata",
        "64:ff9b::192.168.1.1      | private | NAT64 RFC 1918",
        "64:ff9b::8.8.8.8          | public  | NAT64 public",
        // NAT64 local-use 64:ff9b:1::/48: not globally reachable, prefix length chosen locally
        "64:ff9b:1::8.8.8.8        | private | NAT64 local-use",
        "64:ff9b:1:7f00:1::        | private | NAT64 local-use /48 layout",
        // 6to4 2002:AABB:CCDD::/48 carries AA.BB.CC.DD
        "2002:7f00:1::1            | private | 6to4 loopback",
        "2002:c0a8:101::1          | private | 6to4 RFC 1918",
        "2002:a9fe:a9fe::          | private | 6to4 metadata",
        "2002:808:808::1           | public  | 6to4 public",
        // Teredo 2001:0::/32: server at bits 32-63, client XOR 0xffffffff in the last 32 bits
        "2001:0:4136:e378:8000:63bf:80ff:fffe | private | Teredo client loopback",
        "2001:0:4136:e378:8000:63bf:f5ff:fffe | private | Teredo client 10.0.0.1",
        "2001:0:a00:1:8000:63bf:f7f7:f7f7     | private | Teredo server 10.0.0.1",
        "2001:0:4136:e378:8000:63bf:f7f7:f7f7 | public  | Teredo client 8.8.8.8",
        // ISATAP: interface id 0000:5efe or 0200:5efe followed by the IPv4 address, any prefix
        "2606:4700::5efe:7f00:1    | private | ISATAP loopback",
        "2606:4700::200:5efe:c0a8:1 | private | ISATAP (global bit) RFC 1918",
        "2606:4700::5efe:808:808   | public  | ISATAP public",
        // Plain IPv6 stays as it was
        "2606:4700::1111           | public  | global unicast",
        "fd00::1                   | private | unique local",
      })
  void embeddedAddressesAreJudgedByTheIpv4Policy(String ip, String verdict, String form)
      throws Exception {
    boolean expectPrivate = verdict.equals("private");
    InetAddress address = literal(ip);

    assertThat(AddressPolicy.isPrivate(address)).as(form).isEqualTo(expectPrivate);

    URI url = URI.create("http://[" + ip + "]/manual");
    UrlVerdict v = UrlFilters.network(SITE, POLICY).check(url);
    assertThat(v.accepted()).as(form + " through the network filter").isEqualTo(!expectPrivate);

    GuardedDnsResolver resolver = new GuardedDnsResolver(POLICY, false);
    if (expectPrivate) {
      assertThatThrownBy(() -> resolver.resolve(url.getHost()))
          .as(form + " at connect time")
          .isInstanceOf(UnknownHostException.class);
    } else {
      assertThat(resolver.resolve(url.getHost())).containsExactly(address);
    }
  }

  @ParameterizedTest(name = "{0} as raw Inet6Address bytes is private")
  @CsvSource({"::ffff:127.0.0.1", "::ffff:169.254.169.254"})
  void mappedAddressesKeptAsIpv6AreStillDecoded(String ip) throws Exception {
    // Java turns a mapped literal into an Inet4Address, but one built from bytes stays IPv6.
    byte[] bytes = new byte[16];
    bytes[10] = (byte) 0xff;
    bytes[11] = (byte) 0xff;
    System.arraycopy(InetAddress.getByName(ip).getAddress(), 0, bytes, 12, 4);
    InetAddress address = Inet6Address.getByAddress(null, bytes, -1);
    assertThat(address).isInstanceOf(Inet6Address.class);
    assertThat(AddressPolicy.isPrivate(address)).isTrue();
  }

  private static InetAddress literal(String host) throws UnknownHostException {
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (!bare.matches("[0-9a-fA-F:.]+")) throw new UnknownHostException(host);
    return InetAddress.getByName(bare);
  }
}
