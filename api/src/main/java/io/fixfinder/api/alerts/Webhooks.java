package io.fixfinder.api.alerts;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Posts an alert's JSON to a tenant's webhook, signed so the receiver can tell it came from us and
 * is fresh: {@code X-FixFinder-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">} under
 * the tenant's signing secret (the scheme Stripe made familiar: the receiver recomputes it over the
 * raw body and refuses a stale {@code t}). A connection error, a timeout, a 408, 429 or 5xx is
 * tried again after each of {@link #RETRY_DELAYS}; any other status is final. Redirects are never
 * followed, and the target is checked by the {@link TargetPolicy} before each attempt.
 */
public final class Webhooks {
  /** The waits before the second and third attempt. */
  public static final List<Duration> RETRY_DELAYS =
      List.of(Duration.ofSeconds(2), Duration.ofSeconds(8));

  public static final String SIGNATURE_HEADER = "X-FixFinder-Signature";
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** Waits between attempts (tests record the waits instead of sleeping through them). */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  /** How a delivery ended. */
  public record Result(boolean delivered, int attempts, String detail) {}

  private final HttpClient http;
  private final TargetPolicy policy;
  private final List<Duration> retryDelays;
  private final Sleeper sleeper;
  private final Clock clock;

  public Webhooks(
      HttpClient http,
      TargetPolicy policy,
      List<Duration> retryDelays,
      Sleeper sleeper,
      Clock clock) {
    this.http = http;
    this.policy = policy;
    this.retryDelays = List.copyOf(retryDelays);
    this.sleeper = sleeper;
    this.clock = clock;
  }

  /** With a client that never follows redirects, the standard delays and real sleeping. */
  public static Webhooks standard(TargetPolicy policy, Clock clock) {
    return new Webhooks(
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(TIMEOUT)
            .build(),
        policy,
        RETRY_DELAYS,
        d -> Thread.sleep(d.toMillis()),
        clock);
  }

  /** Posts {@code body} to {@code url}, signed with {@code secret}, retrying as documented. */
  public Result post(String url, String secret, byte[] body) {
    String last = "";
    int attempt = 0;
    while (true) {
      attempt++;
      TargetPolicy.Verdict verdict = policy.check(url);
      if (verdict instanceof TargetPolicy.Verdict.Refused r) {
        return new Result(false, attempt - 1, "refused: the URL " + r.reason());
      }
      long t = clock.instant().getEpochSecond();
      HttpRequest request =
          HttpRequest.newBuilder(((TargetPolicy.Verdict.Allowed) verdict).uri())
              .timeout(TIMEOUT)
              .header("Content-Type", "application/json")
              .header("User-Agent", "FixFinder-Alerts/1")
              .header(SIGNATURE_HEADER, "t=" + t + ",v1=" + signature(secret, t, body))
              .POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build();
      boolean retryable;
      try {
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        int status = response.statusCode();
        if (status >= 200 && status < 300) return new Result(true, attempt, "HTTP " + status);
        last = "HTTP " + status;
        retryable = status == 408 || status == 429 || status >= 500;
      } catch (IOException e) {
        last = e.getClass().getSimpleName();
        retryable = true;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Result(false, attempt, "interrupted");
      }
      if (!retryable || attempt > retryDelays.size()) return new Result(false, attempt, last);
      try {
        sleeper.sleep(retryDelays.get(attempt - 1));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Result(false, attempt, "interrupted");
      }
    }
  }

  /** The hex HMAC-SHA256 of {@code t + "." + body} under {@code secret}. */
  public static String signature(String secret, long t, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is required by every JDK", e);
    }
  }
}
