package io.fixfinder.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CapabilityPathsTest {
  @ParameterizedTest
  @CsvSource({
    "/contact/0123abcd.SECRET, /contact/{token}",
    "/contact/0123abcd.SECRET/messages, /contact/{token}/messages",
    "/api/contact/0123abcd.SECRET, /api/contact/{token}",
    "/api/contact/0123abcd.SECRET/close, /api/contact/{token}/close",
    "/api/contact/, /api/contact/{token}",
    "/helper/abc/contact, /helper/abc/contact",
    "/api/helpers/abc/contact, /api/helpers/abc/contact",
    "/account/requests/abc, /account/requests/abc",
    "/contactx/abc, /contactx/abc",
    "/, /"
  })
  void tokensAreMaskedOtherPathsKept(String path, String expected) {
    assertThat(CapabilityPaths.redact(path)).isEqualTo(expected);
  }
}
