package io.fixfinder.ui;

import io.fixfinder.indexer.view.ProductView;
import java.util.Objects;

/** The product page: what is known of a product, its ratings per site and its top issues. */
public record ProductPage(ProductView.Page view) {
  public ProductPage {
    Objects.requireNonNull(view);
  }

  public String title() {
    String name = Display.product(view.product());
    return (name.isEmpty() ? "Product" : name) + " - FixFinder";
  }
}
