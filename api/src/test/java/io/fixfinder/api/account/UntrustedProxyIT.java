package io.fixfinder.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.config.FixFinderConfig;
import io.fixfinder.store.Database;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without trusted proxies, what a client writes in X-Forwarded-* is not believed: the cookie is not
 * marked Secure on a plain-HTTP request that claims TLS, and a made-up client address does not buy
 * a fresh mail allowance.
 */
class UntrustedProxyIT {
  static final FixFinderConfig.Server NO_PROXIES =
      new FixFinderConfig.Server(
          "127.0.0.1",
          0,
          List.of(),
          6000,
          1000,
          List.of(),
          10,
          0,
          16,
          64,
          FixFinderConfig.Server.ACCESS_LOG_CONSOLE);

  @Test
  void forwardedHeadersFromAnUntrustedPeerAreIgnored(@TempDir Path dir) throws Exception {
    try (AccountServer server =
        new AccountServer(
            dir, Database.open("jdbc:sqlite:" + dir.resolve("fixfinder.db")), NO_PROXIES)) {
      String email = "tls-" + System.nanoTime() + "@example.org";
      String pw = AccountFlowsContract.PASSWORD;
      Browser b = new Browser(server, "10.9.9.1");
      assertThat(
              b.postJson(
                      "/api/account/register",
                      AccountFlowsContract.str(
                          "email", email, "password", pw, "displayName", "Tls"))
                  .statusCode())
          .isEqualTo(202);
      HttpResponse<String> login =
          b.postJson(
              "/api/account/login",
              AccountFlowsContract.str("email", email, "password", pw),
              Map.of("X-Forwarded-Proto", "https"));
      assertThat(login.statusCode()).isEqualTo(200);
      assertThat(b.lastSetCookie).contains("HttpOnly").doesNotContain("Secure");

      // Each request claims another address; all count against the one real peer.
      int accepted = 1;
      for (int i = 0; i < AccountService.MAIL_BURST + 1; i++) {
        Browser liar = new Browser(server, "10.9.10." + (i + 1));
        int status =
            liar.postJson("/api/account/password/forgot", AccountFlowsContract.str("email", email))
                .statusCode();
        if (status != 202) {
          assertThat(status).isEqualTo(429);
          break;
        }
        accepted++;
      }
      assertThat(accepted).isEqualTo(AccountService.MAIL_BURST);
    }
  }
}
