package io.fixfinder.core.helpers.contact;

/**
 * A contact detail that is not acceptable. The message says what is wrong and never contains the
 * value itself (personal data must not reach a log line or an error body).
 */
public final class InvalidContactException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Which channel was checked. */
  public enum Channel {
    PHONE,
    EMAIL,
    VIDEO_CALL
  }

  /** Why, for callers that branch or map to a problem type. */
  public enum Reason {
    EMPTY,
    TOO_LONG,
    MALFORMED,
    UNKNOWN_REGION,
    NOT_A_NUMBER,
    INVALID_NUMBER,
    NOT_HTTPS
  }

  private final Channel channel;
  private final Reason reason;

  public InvalidContactException(Channel channel, Reason reason, String message) {
    super(message);
    this.channel = channel;
    this.reason = reason;
  }

  public Channel channel() {
    return channel;
  }

  public Reason reason() {
    return reason;
  }
}
