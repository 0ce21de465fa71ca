package io.fixfinder.core.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Objects;

/**
 * What a document or query is about: product type id ({@code washing-machine}), brand as in the
 * lexicon ({@code Aqualine}) and normalised model ({@code WM-8420X}). An empty string means "not
 * known"; {@link #UNKNOWN} has all three empty.
 */
public record ProductRef(String type, String brand, String model) {
  public static final ProductRef UNKNOWN = new ProductRef("", "", "");

  public ProductRef {
    type = Objects.requireNonNullElse(type, "");
    brand = Objects.requireNonNullElse(brand, "");
    model = Objects.requireNonNullElse(model, "");
  }

  @JsonIgnore
  public boolean isUnknown() {
    return type.isEmpty() && brand.isEmpty() && model.isEmpty();
  }

  /** Fills the fields this ref lacks from {@code other}; never overwrites what is known. */
  public ProductRef orElse(ProductRef other) {
    return new ProductRef(
        type.isEmpty() ? other.type : type,
        brand.isEmpty() ? other.brand : brand,
        model.isEmpty() ? other.model : model);
  }

  /**
   * The product's id in URLs: brand and model, lower case, letters and digits only, joined by a
   * hyphen ({@code aqualine-wm8420x}); empty unless both brand and model are known.
   */
  public String productId() {
    if (brand.isEmpty() || model.isEmpty()) return "";
    return slug(brand) + "-" + slug(model);
  }

  private static String slug(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    s.toLowerCase(java.util.Locale.ROOT)
        .codePoints()
        .filter(Character::isLetterOrDigit)
        .forEach(sb::appendCodePoint);
    return sb.toString();
  }

  /** A short human label, e.g. "Aqualine WM-8420X (washing-machine)". */
  public String label() {
    StringBuilder sb = new StringBuilder();
    if (!brand.isEmpty()) sb.append(brand);
    if (!model.isEmpty()) sb.append(sb.isEmpty() ? "" : " ").append(model);
    if (!type.isEmpty()) sb.append(sb.isEmpty() ? type : " (" + type + ")");
    return sb.toString();
  }
}
