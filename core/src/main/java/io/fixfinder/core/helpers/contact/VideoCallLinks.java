package io.fixfinder.core.helpers.contact;

import io.fixfinder.core.helpers.contact.InvalidContactException.Channel;
import io.fixfinder.core.helpers.contact.InvalidContactException.Reason;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A video-call link (a meeting room URL): absolute {@code https} with a host, no user info (a
 * password in a link is a secret shown to a stranger), no fragment tricks beyond what the URL
 * grammar allows. Only https: the link is opened by a customer who trusts us to have checked it.
 */
public final class VideoCallLinks {
  public static final int MAX_LENGTH = 500;

  private VideoCallLinks() {}

  /**
   * The link as a normalised URI string (dot segments removed, non-ASCII escaped).
   *
   * @throws InvalidContactException saying what is wrong, without the link
   */
  public static String normalise(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new InvalidContactException(
          Channel.VIDEO_CALL, Reason.EMPTY, "video-call link is empty");
    }
    String s = raw.strip();
    if (s.length() > MAX_LENGTH) {
      throw new InvalidContactException(
          Channel.VIDEO_CALL,
          Reason.TOO_LONG,
          "video-call link longer than " + MAX_LENGTH + " characters");
    }
    URI uri;
    try {
      uri = new URI(s);
    } catch (URISyntaxException e) {
      throw malformed("it is not a URL (spaces or characters that need escaping)");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https")) {
      throw new InvalidContactException(
          Channel.VIDEO_CALL, Reason.NOT_HTTPS, "video-call link must start with https://");
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty() || !host.contains(".")) {
      throw malformed("it has no host name such as meet.example.org");
    }
    if (uri.getRawUserInfo() != null) {
      throw malformed("it must not carry a user name or password before the host");
    }
    return uri.normalize().toASCIIString();
  }

  private static InvalidContactException malformed(String why) {
    return new InvalidContactException(
        Channel.VIDEO_CALL, Reason.MALFORMED, "not a video-call link: " + why);
  }
}
