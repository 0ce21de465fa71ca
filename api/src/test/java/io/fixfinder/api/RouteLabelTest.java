package io.fixfinder.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Metric labels are route-table paths: a token or an id in the path never becomes a label. */
class RouteLabelTest {
  @ParameterizedTest
  @CsvSource({
    "/api/issues/iss-1, /api/issues/{id}",
    "/api/contact/0123abcd.SECRET, /api/contact/{token}",
    "/api/contact/0123abcd.SECRET/messages, /api/contact/{token}/messages",
    "/contact/0123abcd.SECRET/close, /contact/{token}/close",
    "/api/account/requests/abc/accept, /api/account/requests/{id}/accept",
    "/helper/abc/contact, /helper/{id}/contact",
    "/api/contact/a/b/c, other",
    "/nowhere, other"
  })
  void pathsMapToTheirRoute(String path, String label) {
    assertThat(ApiServer.routeLabel(path)).isEqualTo(label);
  }
}
