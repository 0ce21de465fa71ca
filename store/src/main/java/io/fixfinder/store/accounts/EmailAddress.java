package io.fixfinder.store.accounts;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An email address as accounts keep it: trimmed and lower-cased (the same mailbox typed twice in
 * two cases is one account; providers that distinguish case in the local part are vanishingly
 * rare). The check is deliberately loose (one {@code @}, a dotted domain, no spaces or controls):
 * the verification mail is the real test.
 */
public record EmailAddress(String value) {
  public static final int MAX_LENGTH = 254;
  private static final Pattern SHAPE =
      Pattern.compile(
          "[^\\s@\\p{Cntrl}<>\"]{1,64}@[^\\s@\\p{Cntrl}<>\"]+\\.[^\\s@\\p{Cntrl}<>\".]+");

  public EmailAddress {
    if (!isValid(value)) throw new IllegalArgumentException("not a normalised email address");
  }

  /** The normalised address, or empty when {@code raw} is not an address. */
  public static Optional<EmailAddress> parse(String raw) {
    if (raw == null) return Optional.empty();
    String n = raw.strip().toLowerCase(Locale.ROOT);
    return isValid(n) ? Optional.of(new EmailAddress(n)) : Optional.empty();
  }

  private static boolean isValid(String n) {
    return n != null
        && n.length() <= MAX_LENGTH
        && n.equals(n.strip().toLowerCase(Locale.ROOT))
        && SHAPE.matcher(n).matches();
  }

  /** The part before the {@code @}. */
  public String localPart() {
    return value.substring(0, value.indexOf('@'));
  }

  /** Never the address: records print themselves into logs too easily. */
  @Override
  public String toString() {
    return "EmailAddress[***]";
  }
}
