package io.fixfinder.api.problem;

/**
 * Thrown by handlers and services for every expected failure; {@link ProblemMapper} turns it into
 * {@code application/problem+json}. {@code slug} is the last segment of the problem type.
 */
public class ApiException extends RuntimeException {
  private final int status;
  private final String slug;
  private final String title;

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
    ApiException e =
        new ApiException(
            429,
            "rate-limited",
            "Too many requests",
            "Rate limit exceeded; retry after " + retryAfterSeconds + " s");
    e.retryAfterSeconds = retryAfterSeconds;
    return e;
  }

  private long retryAfterSeconds;

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public static ApiException notFound(String detail) {
    return new ApiException(404, "not-found", "Not found", detail);
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
