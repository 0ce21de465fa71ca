package io.fixfinder.core.understand;

import io.fixfinder.core.model.ProductRef;
import java.util.List;

/**
 * What {@link KeyExtractor} understood in a text: the product, error codes (normalised, e.g. {@code
 * E18}), symptom ids, hashtags (without '#') and whether the text reports a fix.
 */
public record Keys(
    ProductRef product,
    List<String> errorCodes,
    List<String> symptoms,
    List<String> hashtags,
    FixSignal fix) {

  public Keys {
    errorCodes = List.copyOf(errorCodes);
    symptoms = List.copyOf(symptoms);
    hashtags = List.copyOf(hashtags);
  }

  /** Whether a text says a fix worked, says an attempt failed, or says neither. */
  public enum FixSignal {
    NONE,
    FIXED,
    FAILED
  }
}
