package io.fixfinder.core.helpers.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fixfinder.core.helpers.contact.InvalidContactException.Channel;
import io.fixfinder.core.helpers.contact.InvalidContactException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneNumbersTest {

  @ParameterizedTest(name = "{0} in {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // Ofcom drama ranges (London, Manchester), national and international forms
        "020 7946 0123|GB|+442079460123",
        "+44 (0)20 7946 0999|GB|+442079460999",
        "0161 496 0123|gb|+441614960123",
        // North American fiction: 555-0100..0199
        "(212) 555-0142|US|+12125550142",
        "1-604-555-0101|CA|+16045550101",
        "+1 416 555 0199|NL|+14165550199",
        // ACMA fiction mobile range
        "0491 570 156|AU|+61491570156",
        "+61 491 570 159|AU|+61491570159",
        // ARCEP fiction range
        "01 99 00 45 67|FR|+33199004567",
        // other regions' ordinary formats
        "06 12345678|NL|+31612345678",
        "030 1234567|DE|+49301234567",
        "0044 20 7946 0123|NL|+442079460123",
        "03-1234-5678|JP|+81312345678",
      })
  void normalisesToE164(String raw, String region, String e164) {
    assertThat(PhoneNumbers.normalise(raw, region)).isEqualTo(e164);
  }

  @ParameterizedTest(name = "{0} in {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''|GB|EMPTY",
        "'   '|GB|EMPTY",
        "1234|US|INVALID_NUMBER",
        "call me maybe|GB|NOT_A_NUMBER",
        "020 7946 0123|XX|UNKNOWN_REGION",
        "020 7946 0123|''|UNKNOWN_REGION",
        "+999 1234 5678|GB|NOT_A_NUMBER",
        "07700 900123|GB|INVALID_NUMBER",
        "+1 212 555 01|US|INVALID_NUMBER",
        "0123456789012345678901234567890123456789012|GB|TOO_LONG",
      })
  void rejectsWithATypedReason(String raw, String region, Reason reason) {
    assertThatThrownBy(() -> PhoneNumbers.normalise(raw, region))
        .isInstanceOfSatisfying(
            InvalidContactException.class,
            e -> {
              assertThat(e.channel()).isEqualTo(Channel.PHONE);
              assertThat(e.reason()).isEqualTo(reason);
            });
  }

  @Test
  void errorMessagesNeverRepeatTheNumber() {
    for (String raw : new String[] {"020 7946 012", "555 0142 x", "+44 7700 900123"}) {
      assertThatThrownBy(() -> PhoneNumbers.normalise(raw, "GB"))
          .isInstanceOf(InvalidContactException.class)
          .satisfies(
              e -> {
                String digits = raw.replaceAll("\\D", "");
                assertThat(e.getMessage().replaceAll("\\D", ""))
                    .doesNotContain(digits.substring(2));
                assertThat(e.getMessage()).doesNotContain(raw);
              });
    }
  }

  @Test
  void regionOfANormalisedNumber() {
    assertThat(PhoneNumbers.regionOf("+442079460123")).isEqualTo("GB");
    assertThat(PhoneNumbers.regionOf("+61491570156")).isEqualTo("AU");
    assertThat(PhoneNumbers.regionOf("nonsense")).isEqualTo("ZZ");
  }
}
