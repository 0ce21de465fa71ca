package io.fixfinder.core.helpers.contact;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.fixfinder.core.helpers.contact.InvalidContactException.Channel;
import io.fixfinder.core.helpers.contact.InvalidContactException.Reason;
import java.util.Locale;

/**
 * Phone numbers through libphonenumber: what a person types ("020 7946 0123", "+1 (212) 555-0142")
 * becomes E.164 ({@code +442079460123}). Only numbers that libphonenumber holds valid for their
 * region pass (not merely "possible"): a helper's number is for a stranger to call, so a typo
 * should be caught when it is entered, not when someone needs help.
 *
 * <p>Fiction: Ofcom's drama mobile range 07700 900xxx is not a valid number to libphonenumber; the
 * drama landline ranges (020 7946 0xxx, 0161 496 0xxx), US/Canada 555-01xx and Australia's 0491 570
 * 156-159 are, and the demo uses those.
 */
public final class PhoneNumbers {
  /** Longer input is not a phone number; bounds the work spent on bad input. */
  public static final int MAX_LENGTH = 40;

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  private PhoneNumbers() {}

  /**
   * The number in E.164.
   *
   * @param raw as typed, national ("020 7946 0123") or international ("+44 20 7946 0123", "0044
   *     ...")
   * @param defaultRegion ISO 3166 alpha-2 region for national numbers (the helper's country), any
   *     case
   * @throws InvalidContactException with a reason; the message never contains the number
   */
  public static String normalise(String raw, String defaultRegion) {
    if (raw == null || raw.isBlank()) {
      throw new InvalidContactException(Channel.PHONE, Reason.EMPTY, "phone number is empty");
    }
    if (raw.length() > MAX_LENGTH) {
      throw new InvalidContactException(
          Channel.PHONE, Reason.TOO_LONG, "phone number longer than " + MAX_LENGTH + " characters");
    }
    String region = defaultRegion == null ? "" : defaultRegion.strip().toUpperCase(Locale.ROOT);
    boolean international = raw.strip().startsWith("+");
    if (!international && !UTIL.getSupportedRegions().contains(region)) {
      throw new InvalidContactException(
          Channel.PHONE,
          Reason.UNKNOWN_REGION,
          "region '"
              + region
              + "' is not a known country code (ISO 3166 alpha-2); give the number with +country"
              + " code");
    }
    PhoneNumber number;
    try {
      number = UTIL.parse(raw, international ? "ZZ" : region);
    } catch (NumberParseException e) {
      throw new InvalidContactException(
          Channel.PHONE, Reason.NOT_A_NUMBER, "not a phone number (" + describe(e) + ")");
    }
    if (!UTIL.isValidNumber(number)) {
      String where =
          international ? "for country code +" + number.getCountryCode() : "for region " + region;
      throw new InvalidContactException(
          Channel.PHONE, Reason.INVALID_NUMBER, "not a valid phone number " + where);
    }
    return UTIL.format(number, PhoneNumberFormat.E164);
  }

  /** The region (ISO alpha-2) of an E.164 number, e.g. to show a flag; "ZZ" when unknown. */
  public static String regionOf(String e164) {
    try {
      String r = UTIL.getRegionCodeForNumber(UTIL.parse(e164, "ZZ"));
      return r == null ? "ZZ" : r;
    } catch (NumberParseException e) {
      return "ZZ";
    }
  }

  private static String describe(NumberParseException e) {
    return switch (e.getErrorType()) {
      case INVALID_COUNTRY_CODE -> "unknown country code";
      case NOT_A_NUMBER -> "it has letters or too few digits";
      case TOO_SHORT_AFTER_IDD, TOO_SHORT_NSN -> "too short";
      case TOO_LONG -> "too long";
    };
  }
}
