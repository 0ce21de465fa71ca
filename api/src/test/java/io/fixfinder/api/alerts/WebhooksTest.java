package io.fixfinder.api.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Webhook delivery against a real HTTP receiver on 127.0.0.1: the signature a receiver recomputes
 * over the raw body matches, a 5xx is tried again after 2 s and then 8 s (the waits recorded, not
 * slept), a 4xx is final, and a target the policy refuses is never called.
 */
class WebhooksTest {
  static final String SECRET = "whsec_test-secret";
  static final Instant NOW = Instant.parse("2026-03-10T10:00:00Z");
  final Receiver receiver;
  final List<Duration> waits = new ArrayList<>();

  WebhooksTest() throws Exception {
    receiver = new Receiver();
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  Webhooks webhooks(boolean allowPrivate) {
    return new Webhooks(
        java.net.http.HttpClient.newHttpClient(),
        new TargetPolicy(allowPrivate),
        Webhooks.RETRY_DELAYS,
        waits::add,
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void theReceiverVerifiesTheSignatureOverTheRawBody() {
    byte[] body =
        "{\"type\":\"emerging-issue\",\"issue\":{\"id\":\"iss-hinge\"}}"
            .getBytes(StandardCharsets.UTF_8);
    Webhooks.Result r = webhooks(true).post(receiver.url("/hook"), SECRET, body);
    assertThat(r.delivered()).isTrue();
    assertThat(r.attempts()).isEqualTo(1);
    assertThat(waits).isEmpty();
    Receiver.Hit hit = receiver.hits().get(0);
    assertThat(hit.path()).isEqualTo("/hook");
    assertThat(hit.contentType()).isEqualTo("application/json");
    assertThat(hit.body()).isEqualTo(new String(body, StandardCharsets.UTF_8));
    Matcher m = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})").matcher(hit.signature());
    assertThat(m.matches()).as(hit.signature()).isTrue();
    assertThat(Long.parseLong(m.group(1))).isEqualTo(NOW.getEpochSecond());
    // what a receiver does: HMAC-SHA256 of "t.body" under the secret, compared in constant time
    String expected = hmac(SECRET, m.group(1) + "." + hit.body());
    assertThat(java.security.MessageDigest.isEqual(expected.getBytes(), m.group(2).getBytes()))
        .isTrue();
    // another secret, or a body changed in transit, does not verify
    assertThat(hmac("whsec_other", m.group(1) + "." + hit.body())).isNotEqualTo(m.group(2));
    assertThat(hmac(SECRET, m.group(1) + "." + hit.body() + " ")).isNotEqualTo(m.group(2));
  }

  @Test
  void aServerErrorIsTriedAgainAfterTwoAndEightSeconds() {
    receiver.answer(500, 503);
    Webhooks.Result r = webhooks(true).post(receiver.url("/hook"), SECRET, "{}".getBytes());
    assertThat(r.delivered()).isTrue();
    assertThat(r.attempts()).isEqualTo(3);
    assertThat(waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(8));
    assertThat(receiver.hits()).hasSize(3);
  }

  @Test
  void afterThreeFailuresItGivesUp() {
    receiver.answer(500, 500, 500, 500);
    Webhooks.Result r = webhooks(true).post(receiver.url("/hook"), SECRET, "{}".getBytes());
    assertThat(r.delivered()).isFalse();
    assertThat(r.attempts()).isEqualTo(3);
    assertThat(r.detail()).isEqualTo("HTTP 500");
    assertThat(receiver.hits()).hasSize(3);
  }

  @Test
  void aClientErrorIsFinalButTooManyRequestsIsTriedAgain() {
    receiver.answer(404);
    assertThat(webhooks(true).post(receiver.url("/x"), SECRET, "{}".getBytes()).attempts())
        .isEqualTo(1);
    receiver.answer(429);
    assertThat(webhooks(true).post(receiver.url("/x"), SECRET, "{}".getBytes()).attempts())
        .isEqualTo(2);
  }

  @Test
  void aRefusedTargetIsNeverCalled() {
    Webhooks.Result r = webhooks(false).post(receiver.url("/hook"), SECRET, "{}".getBytes());
    assertThat(r.delivered()).isFalse();
    assertThat(r.attempts()).isZero();
    assertThat(r.detail()).contains("refused");
    assertThat(receiver.hits()).isEmpty();
  }

  static String hmac(String secret, String data) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(
          new javax.crypto.spec.SecretKeySpec(
              secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return java.util.HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
