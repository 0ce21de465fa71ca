package io.fixfinder.api.products;

import io.fixfinder.api.problem.ApiException;
import io.fixfinder.api.search.Params;
import io.fixfinder.api.tenants.Scopes;
import io.fixfinder.indexer.view.ProductView;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code GET /api/products/{id}}: the id is brand and model in lower-case letters and digits joined
 * by a hyphen, as {@link io.fixfinder.core.model.ProductRef#productId()} makes it ({@code
 * aqualine-wm8420x}).
 */
public final class ProductHandler {
  public static final Pattern ID = Pattern.compile("[\\p{Ll}\\p{N}]{1,40}-[\\p{Ll}\\p{N}]{1,40}");

  private static final Set<String> PARAMS = Set.of("issues");

  private final ProductView view;

  public ProductHandler(ProductView view) {
    this.view = view;
  }

  public void product(Context ctx) throws IOException {
    Params.rejectUnknown(ctx, PARAMS);
    String id = ctx.pathParam("id");
    if (!ID.matcher(id).matches()) {
      throw ApiException.badRequest(
          "invalid-id",
          "A product id is brand and model in lower-case letters and digits joined by a hyphen,"
              + " e.g. aqualine-wm8420x");
    }
    int issues = Params.intParam(ctx, "issues", 10, 0, 50);
    ctx.json(
        // a key's scope: a product outside it does not exist, its issues are those in scope
        view.within(Scopes.of(ctx))
            .page(id, issues)
            .orElseThrow(() -> ApiException.notFound("No product with id '" + id + "'")));
  }
}
