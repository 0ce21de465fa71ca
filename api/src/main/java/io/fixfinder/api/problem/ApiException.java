package io.fixfinder.api.problem;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Thrown by handlers and services for every expected failure; {@link ProblemMapper} turns it into
 * {@code application/problem+json}. {@code slug} is the last segment of the problem type. Headers
 * the status calls for (Retry-After with a 429, WWW-Authenticate with a 401) travel with it.
 */
public class ApiException extends RuntimeException {
  private final int status;
  private final String slug;
  private final String title;
  private final Map<String, String> headers = new LinkedHashMap<>();

  public ApiException(int status, String slug, String title, String detail) {
    super(detail);
    this.status = status;
    this.slug = slug;
    this.title = title;
  }

  public static ApiException badRequest(String slug, String detail) {
    return new ApiException(400, slug, "Bad request", detail);
  }

  /** 429 with the seconds after which a retry will succeed (sent as Retry-After). */
  public static ApiException rateLimited(long retryAfterSeconds) {
    return new ApiException(
            429,
            "rate-limited",
            "Too many requests",
            "Rate limit exceeded; retry after " + retryAfterSeconds + " s")
        .withHeader("Retry-After", Long.toString(retryAfterSeconds));
  }

  public static ApiException notFound(String detail) {
    return new ApiException(404, "not-found", "Not found", detail);
  }

  /** Sends {@code name: value} with the problem. */
  public ApiException withHeader(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public Map<String, String> headers() {
    return Map.copyOf(headers);
  }

  public int status() {
    return status;
  }

  public String slug() {
    return slug;
  }

  public String title() {
    return title;
  }
}
