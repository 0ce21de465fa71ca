package io.fixfinder.api.protect;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A trusted proxy on IPv6: Jetty gives the peer as {@code [0:0:0:0:0:0:0:1]}, bracketed and
 * uncompressed, so configured addresses are compared as addresses, not as text. Real server on
 * {@code ::1}.
 */
class ClientKeyIpv6Test {
  @ParameterizedTest(name = "trusted proxy {0}")
  @ValueSource(strings = {"::1", "0:0:0:0:0:0:0:1", "[::1]"})
  void aProxyOnIpv6LoopbackIsTrusted(String configured) throws Exception {
    assumeIpv6Loopback();
    ClientKey keys = new ClientKey(List.of(configured, "2001:db8::5"));
    Javalin app =
        Javalin.create(config -> config.routes.get("/key", ctx -> ctx.result(keys.of(ctx))))
            .start("::1", 0);
    try (HttpClient http = HttpClient.newHttpClient()) {
      assertThat(key(http, app, "203.0.113.7")).isEqualTo("203.0.113.7");
      assertThat(key(http, app, "198.51.100.4, 2001:0db8:0:0::5, 0:0::1"))
          .as("trusted hops in any spelling are skipped")
          .isEqualTo("198.51.100.4");
      assertThat(key(http, app, null)).as("nothing forwarded: the proxy").isEqualTo("0:0:0:0::/64");
    } finally {
      app.stop();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"localhost", "proxy.example.com", "10.0.0.0/8", ""})
  void aTrustedProxyThatIsNoAddressIsRefusedAtStart(String configured) {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ClientKey(List.of(configured)))
        .hasMessageContaining("server.trustedProxies");
  }

  private static String key(HttpClient http, Javalin app, String forwarded) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://[::1]:" + app.port() + "/key"));
    if (forwarded != null) b.header("X-Forwarded-For", forwarded);
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  private static void assumeIpv6Loopback() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
      assertThat(s.getLocalPort()).isPositive();
    } catch (java.io.IOException e) {
      Assumptions.abort("no IPv6 loopback here: " + e.getMessage());
    }
  }
}
