package io.fixfinder.api.protect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One spelling per client; anything that is not an IP literal is no client key at all. */
class ClientKeyTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "203.0.113.7|203.0.113.7",
        " 203.0.113.7 |203.0.113.7",
        "203.000.113.007|203.0.113.7",
        "2001:db8:1:2:3:4:5:6|2001:db8:1:2::/64",
        "2001:db8:1:2:ffff:ffff:ffff:ffff|2001:db8:1:2::/64",
        "[2001:db8:1:2::9]|2001:db8:1:2::/64",
        "0:0:0:0:0:0:0:1|0:0:0:0::/64",
        "::ffff:198.51.100.4|198.51.100.4",
      })
  void addressesHaveOneSpelling(String text, String key) {
    assertThat(ClientKey.canonical(text)).hasValue(key);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''",
        "unknown",
        "localhost",
        "example.com",
        "256.1.1.1",
        "1.2.3",
        "1.2.3.4.5",
        "1.2.3.4:80",
        "2001:db8::1%eth0",
        "2001:db8:::1",
        ":::::::::::::::::::::::::::::::::::::::::::::::",
        "fffffffffffffffffffffffffffffffffffffffffffffffffffffff",
      })
  void anythingElseIsNoAddress(String text) {
    assertThat(ClientKey.canonical(text)).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void aLongValueIsRefusedBeforeItIsParsed() {
    assertThat(ClientKey.canonical("1".repeat(7000))).isEmpty();
    assertThat(ClientKey.canonical("2001:db8:" + "0:".repeat(3000) + "1")).isEmpty();
  }

  @Test
  void trustedProxiesMatchInTheSpellingJettyGives() {
    ClientKey keys = new ClientKey(List.of("::1", "2001:db8::5", "10.0.0.1"));
    assertThat(keys.key("[0:0:0:0:0:0:0:1]", List.of("203.0.113.7"))).isEqualTo("203.0.113.7");
    assertThat(keys.key("[2001:db8:0:0:0:0:0:5]", List.of("198.51.100.4, [2001:db8::5]")))
        .isEqualTo("198.51.100.4");
    assertThat(keys.key("10.0.0.1", List.of("2001:db8:0:0:0:0:0:5", "198.51.100.4, 0::1")))
        .as("every line, right to left, trusted hops skipped")
        .isEqualTo("198.51.100.4");
    assertThat(keys.key("[0:0:0:0:0:0:0:2]", List.of("203.0.113.7")))
        .as("not a trusted proxy: its forwarding is ignored")
        .isEqualTo("0:0:0:0::/64");
  }
}
