package io.fixfinder.core.ords;

import io.fixfinder.core.model.Details;
import io.fixfinder.core.model.ProductRef;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.core.understand.Keys;
import io.fixfinder.core.understand.Lexicon;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An ORDS row as a repair report ("people who had this issue", with the outcome): product type from
 * the ORDS category through the lexicon (the extractor's guess when the category has no type),
 * brand, model, codes and symptoms by the shared {@link KeyExtractor}. Thread-safe once built.
 */
public final class OrdsMapper {
  /** Longest problem text quoted in a title; the full text is the record's body. */
  static final int TITLE_PROBLEM = 90;

  private final KeyExtractor extractor;
  private final Map<String, String> typeByCategory = new HashMap<>();

  public OrdsMapper(KeyExtractor extractor) {
    this.extractor = extractor;
    for (Lexicon.ProductType type : extractor.lexicon().types()) {
      if (!type.ords().isEmpty())
        typeByCategory.putIfAbsent(type.ords().toLowerCase(Locale.ROOT), type.id());
    }
  }

  /** The record for {@code row}; the caller has checked that id and problem are not empty. */
  public SourceDoc toDoc(OrdsRow row) {
    String category = row.productCategory();
    // ORDS writes "Unknown" where the volunteer did not note a brand: that is no brand.
    String brand = row.brand().equalsIgnoreCase("unknown") ? "" : row.brand();
    String problem = row.problem();
    Keys keys = extractor.extract(brand + " " + row.model() + " " + problem);
    String type =
        typeByCategory.getOrDefault(category.toLowerCase(Locale.ROOT), keys.product().type());
    ProductRef product = new ProductRef(type, keys.product().brand(), keys.product().model());
    String title =
        (category
                + (brand.isEmpty() ? "" : " (" + brand + ")")
                + ": "
                + abbreviate(problem, TITLE_PROBLEM))
            .strip();
    String url = "ords:" + row.id();
    return new SourceDoc(
        SourceDoc.idFor(url),
        url,
        SourceKind.REPAIR_REPORT,
        row.dataProvider(),
        title,
        problem,
        product,
        keys.errorCodes(),
        keys.symptoms(),
        row.repairStatus().equalsIgnoreCase("Fixed"),
        date(row.eventDate()),
        new Details.RepairReport(
            row.repairStatus(),
            category,
            year(row.yearOfManufacture()),
            row.country(),
            row.groupIdentifier()));
  }

  /** The year of manufacture, 0 when unknown ("", "????"); the main file writes "2015.0". */
  static int year(String y) {
    if (y.isEmpty()) return 0;
    try {
      return (int) Double.parseDouble(y);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /**
   * The event date at midnight UTC, {@link Instant#EPOCH} ("unknown") when it is not an ISO date.
   * The table schema types {@code event_date} as a date, and every published file writes {@code
   * YYYY-MM-DD}; a time after the date is ignored.
   */
  static Instant date(String d) {
    if (d.isEmpty()) return Instant.EPOCH;
    try {
      return LocalDate.parse(d.length() > 10 ? d.substring(0, 10) : d)
          .atStartOfDay()
          .toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return Instant.EPOCH;
    }
  }

  private static String abbreviate(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }
}
