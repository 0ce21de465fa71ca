package io.fixfinder.api.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which webhook URLs a tenant may set, data-driven. Host names resolve through a fixed table (no
 * DNS in tests); a name that resolves to an internal address is refused like the address itself.
 */
class TargetPolicyTest {
  static final Map<String, String> DNS =
      Map.of(
          "hooks.aqualine.example", "93.184.216.34",
          "rebind.example", "10.1.2.3",
          "metadata.example", "169.254.169.254",
          "v6.example", "2606:2800:220:1:248:1893:25c8:1946",
          "localhost", "127.0.0.1");

  static InetAddress[] resolve(String host) throws UnknownHostException {
    String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (h.matches("[0-9.]+") || h.contains(":"))
      return new InetAddress[] {InetAddress.getByName(h)};
    String ip = DNS.get(h);
    if (ip == null) throw new UnknownHostException(h);
    return new InetAddress[] {InetAddress.getByName(ip)};
  }

  @ParameterizedTest(name = "{0} (private allowed: {1}) -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "https://hooks.aqualine.example/fixfinder | false | ok",
        "https://93.184.216.34:8443/x?y=1 | false | ok",
        "https://v6.example/x | false | ok",
        "http://hooks.aqualine.example/fixfinder | false | must start with https://",
        "ftp://hooks.aqualine.example/x | false | must start with https://",
        "javascript:alert(1) | false | must start with https://",
        "https:///nohost | false | has no host",
        "https://user:pw@hooks.aqualine.example/ | false | user name or password",
        "https://hooks.aqualine.example/#frag | false | #fragment",
        "https://nowhere.example/ | false | does not resolve",
        "https://127.0.0.1/ | false | loopback, private or link-local",
        "https://localhost:8080/ | false | loopback, private or link-local",
        "https://10.0.0.5/ | false | loopback, private or link-local",
        "https://172.16.3.4/ | false | loopback, private or link-local",
        "https://192.168.1.1/ | false | loopback, private or link-local",
        "https://169.254.169.254/latest/meta-data | false | loopback, private or link-local",
        "https://metadata.example/ | false | loopback, private or link-local",
        "https://rebind.example/ | false | loopback, private or link-local",
        "https://100.64.0.1/ | false | loopback, private or link-local",
        "https://0.0.0.0/ | false | loopback, private or link-local",
        "https://[::1]/ | false | loopback, private or link-local",
        "https://[fd00::1]/ | false | loopback, private or link-local",
        "https://[fe80::1]/ | false | loopback, private or link-local",
        "https://[::ffff:10.0.0.1]/ | false | loopback, private or link-local",
        "https://[64:ff9b::a9fe:a9fe]/ | false | loopback, private or link-local",
        "https://224.0.0.1/ | false | loopback, private or link-local",
        "http://127.0.0.1:9999/hook | true | ok",
        "https://10.0.0.5/ | true | ok",
        "http://10.0.0.5/ | true | must start with https://",
      })
  void verdicts(String url, boolean allowPrivate, String expected) {
    TargetPolicy.Verdict v = new TargetPolicy(allowPrivate, TargetPolicyTest::resolve).check(url);
    if (expected.equals("ok")) {
      assertThat(v).as(url).isInstanceOf(TargetPolicy.Verdict.Allowed.class);
    } else {
      assertThat(v).as(url).isInstanceOf(TargetPolicy.Verdict.Refused.class);
      assertThat(((TargetPolicy.Verdict.Refused) v).reason())
          .contains(expected)
          .doesNotContain(url);
    }
  }
}
