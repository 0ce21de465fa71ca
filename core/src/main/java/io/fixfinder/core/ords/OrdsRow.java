package io.fixfinder.core.ords;

import java.util.Objects;

/**
 * One row of an Open Repair Data Standard file, the fields the mapping reads, stripped; a column
 * the file lacks reads as empty. Field names follow {@code
 * ../shared/data/openrepair/tableschema.json}.
 *
 * @param id the row's id ({@code id}, or {@code id_ords} in the quest files)
 * @param yearOfManufacture as written ("2015", "2015.0", "????" or empty)
 * @param eventDate as written ({@code YYYY-MM-DD} in every published file)
 */
public record OrdsRow(
    String id,
    String dataProvider,
    String country,
    String productCategory,
    String brand,
    String model,
    String yearOfManufacture,
    String repairStatus,
    String groupIdentifier,
    String eventDate,
    String problem) {

  public OrdsRow {
    id = clean(id);
    dataProvider = clean(dataProvider);
    country = clean(country);
    productCategory = clean(productCategory);
    brand = clean(brand);
    model = clean(model);
    yearOfManufacture = clean(yearOfManufacture);
    repairStatus = clean(repairStatus);
    groupIdentifier = clean(groupIdentifier);
    eventDate = clean(eventDate);
    problem = clean(problem);
  }

  /** The same row under another id (a reader that numbers rows lacking one). */
  public OrdsRow withId(String newId) {
    return new OrdsRow(
        newId,
        dataProvider,
        country,
        productCategory,
        brand,
        model,
        yearOfManufacture,
        repairStatus,
        groupIdentifier,
        eventDate,
        problem);
  }

  private static String clean(String s) {
    return Objects.requireNonNullElse(s, "").strip();
  }
}
