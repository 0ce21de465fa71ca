package io.fixfinder.crawler.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.model.SourceKind;
import io.fixfinder.crawler.source.SiteConfig;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Data-driven: each row is a URL, whether a public site's chain accepts it, and why not. */
class UrlFiltersTest {
  /** Test DNS: names map to chosen addresses, so no lookup leaves the machine. */
  private static final Map<String, String> DNS =
      Map.of(
          "forum.example", "93.184.216.34",
          "evil-rebind.example", "10.0.0.7",
          "metadata.example", "169.254.169.254",
          "v6local.example", "fd00::1",
          "mapped.example", "::ffff:127.0.0.1");

  private static final AddressPolicy POLICY =
      new AddressPolicy(
          host -> {
            String ip = DNS.get(host);
            if (ip != null) return new InetAddress[] {InetAddress.getByName(ip)};
            if (host.matches("[0-9.]+|\\[?[0-9a-f:]+\\]?"))
              return new InetAddress[] {InetAddress.getByName(host)};
            throw new UnknownHostException(host);
          });

  private static final SiteConfig SITE =
      SiteConfig.of("forum", SourceKind.FORUM, URI.create("https://forum.example/"), false);

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "https://forum.example/t/123 | accept |",
        "http://forum.example:443/t/1 | reject | outside site scope",
        "ftp://forum.example/file | reject | scheme ftp",
        "file:///etc/passwd | reject | scheme file",
        "mailto:someone@forum.example | reject | scheme mailto",
        "javascript:alert(1) | reject | scheme javascript",
        "https://forum.example/logo.png | reject | unwanted file type",
        "https://other.example/ | reject | outside site scope",
      })
  void chain(String url, String verdict, String reason) {
    UrlVerdict v = UrlFilters.forSite(SITE, POLICY).check(URI.create(url));
    if (verdict.equals("accept")) {
      assertThat(v.accepted()).isTrue();
    } else {
      assertThat(v).isEqualTo(UrlVerdict.reject(reason));
    }
  }

  @ParameterizedTest(name = "{0} is private")
  @CsvSource({
    "127.0.0.1",
    "10.1.2.3",
    "172.16.0.1",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "::1",
    "fd00::1",
    "fe80::1",
    "::ffff:127.0.0.1",
    "255.255.255.255"
  })
  void privateAddresses(String ip) throws Exception {
    assertThat(AddressPolicy.isPrivate(InetAddress.getByName(ip))).isTrue();
  }

  @ParameterizedTest(name = "{0} is public")
  @CsvSource({"93.184.216.34", "8.8.8.8", "2606:4700::1111"})
  void publicAddresses(String ip) throws Exception {
    assertThat(AddressPolicy.isPrivate(InetAddress.getByName(ip))).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"evil-rebind.example", "metadata.example", "v6local.example", "mapped.example"})
  void namesResolvingToPrivateAddressesAreRejectedUnlessAllowed(String host) throws Exception {
    assertThat(POLICY.check(host, false).accepted()).isFalse();
    assertThat(POLICY.check(host, true).accepted()).isTrue();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new GuardedDnsResolver(POLICY, false).resolve(host))
        .isInstanceOf(UnknownHostException.class);
  }
}
