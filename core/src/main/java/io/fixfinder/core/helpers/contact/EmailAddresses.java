package io.fixfinder.core.helpers.contact;

import io.fixfinder.core.helpers.contact.InvalidContactException.Channel;
import io.fixfinder.core.helpers.contact.InvalidContactException.Reason;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Syntax of an email address as people use it (not every RFC 5322 form): {@code local@domain}, a
 * dot-atom local part of at most 64 characters and a domain of letter-digit-hyphen labels with a
 * letter TLD. Whether the mailbox exists is for the verification mail to show, not for a regex.
 */
public final class EmailAddresses {
  public static final int MAX_LENGTH = 254;

  private static final Pattern LOCAL =
      Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern TLD = Pattern.compile("[a-z]{2,63}|xn--[a-z0-9-]{1,59}");

  private EmailAddresses() {}

  /**
   * The address with surrounding space removed and the domain in lower case (the local part is
   * kept: it may be case-sensitive).
   *
   * @throws InvalidContactException saying which part is wrong, without the address
   */
  public static String normalise(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new InvalidContactException(Channel.EMAIL, Reason.EMPTY, "email address is empty");
    }
    String s = raw.strip();
    if (s.length() > MAX_LENGTH) {
      throw new InvalidContactException(
          Channel.EMAIL,
          Reason.TOO_LONG,
          "email address longer than " + MAX_LENGTH + " characters");
    }
    int at = s.lastIndexOf('@');
    if (at <= 0 || at == s.length() - 1 || s.indexOf('@') != at) {
      throw malformed("an address has one '@' with a name before it and a domain after it");
    }
    String local = s.substring(0, at);
    String domain = s.substring(at + 1).toLowerCase(Locale.ROOT);
    if (local.length() > 64 || !LOCAL.matcher(local).matches()) {
      throw malformed("the part before '@' has a character or dot that is not allowed");
    }
    String[] labels = domain.split("\\.", -1);
    if (labels.length < 2) throw malformed("the domain needs a dot, e.g. example.org");
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        throw malformed("the domain has an empty or malformed part");
      }
    }
    if (!TLD.matcher(labels[labels.length - 1]).matches()) {
      throw malformed("the domain does not end in a top-level domain such as .org");
    }
    return local + "@" + domain;
  }

  private static InvalidContactException malformed(String why) {
    return new InvalidContactException(
        Channel.EMAIL, Reason.MALFORMED, "not an email address: " + why);
  }
}
