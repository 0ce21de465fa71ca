package io.fixfinder.demo;

import io.fixfinder.demo.Catalogue.Brand;
import io.fixfinder.demo.Catalogue.Fault;
import io.fixfinder.demo.Catalogue.Model;
import io.fixfinder.demo.Catalogue.ProductType;

/**
 * One fault of one model: the thing every source of the corpus talks about. {@code code} is what
 * the model shows for it ("" when it shows no code).
 */
record Issue(Brand brand, Model model, ProductType type, Fault fault, String code) {

  /** A stable key ({@code wm-8420x/drain}) for seeding and for matching featured documents. */
  String key() {
    return model.slug() + "/" + fault.id();
  }

  boolean hasCode() {
    return !code.isEmpty();
  }

  /** "Aqualine WM-8420X". */
  String product() {
    return brand.name() + " " + model.model();
  }

  /** The problem cell of a troubleshooting table: "E18 – Water does not drain". */
  String problemCell() {
    return hasCode() ? code + " – " + fault.row().problem() : fault.row().problem();
  }
}
