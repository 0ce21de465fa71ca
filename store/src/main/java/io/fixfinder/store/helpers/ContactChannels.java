package io.fixfinder.store.helpers;

import java.util.Objects;
import java.util.Optional;

/**
 * How a helper can be reached once they accept a request: never part of a public view.
 *
 * @param email an email address (may differ from the login address)
 * @param phone a phone number in E.164 ({@code +4930123456}); the API normalises what people type
 *     (libphonenumber) before it reaches the store
 * @param video an https link to a video-call room
 */
public record ContactChannels(
    Optional<String> email, Optional<String> phone, Optional<String> video) {
  public static final ContactChannels NONE =
      new ContactChannels(Optional.empty(), Optional.empty(), Optional.empty());

  public ContactChannels {
    email = Objects.requireNonNullElse(email, Optional.empty());
    phone = Objects.requireNonNullElse(phone, Optional.empty());
    video = Objects.requireNonNullElse(video, Optional.empty());
  }

  /** The channel of {@code kind} ({@code email}, {@code phone}, {@code video}). */
  public Optional<String> of(String kind) {
    return switch (kind) {
      case "email" -> email;
      case "phone" -> phone;
      case "video" -> video;
      default -> throw new IllegalArgumentException("unknown channel kind " + kind);
    };
  }

  /** Never the values: records print themselves into logs too easily. */
  @Override
  public String toString() {
    return "ContactChannels[email="
        + email.isPresent()
        + ", phone="
        + phone.isPresent()
        + ", video="
        + video.isPresent()
        + "]";
  }
}
