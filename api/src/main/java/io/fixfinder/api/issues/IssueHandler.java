package io.fixfinder.api.issues;

import io.fixfinder.api.helpers.Panels;
import io.fixfinder.api.problem.ApiException;
import io.fixfinder.api.search.Params;
import io.fixfinder.api.tenants.Scopes;
import io.fixfinder.indexer.view.IssueView;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code GET /api/issues/{id}}: validates the id, reads the issue page, returns JSON. */
public final class IssueHandler {
  /** Cluster ids are short, lower-case and safe in URLs; anything else cannot name one. */
  public static final Pattern ID = Pattern.compile("[a-z0-9-]{1,64}");

  private static final Set<String> PARAMS = Set.of("related");

  private final IssueView view;
  private final Optional<Panels> helpers;

  public IssueHandler(IssueView view) {
    this(view, Optional.empty());
  }

  /** With {@code helpers}, the page's {@code helpers} lists people who can help with the issue. */
  public IssueHandler(IssueView view, Optional<Panels> helpers) {
    this.view = view;
    this.helpers = helpers;
  }

  public void issue(Context ctx) throws IOException {
    Params.rejectUnknown(ctx, PARAMS);
    String id = ctx.pathParam("id");
    if (!ID.matcher(id).matches()) {
      throw ApiException.badRequest(
          "invalid-id", "An issue id is 1-64 lower-case letters, digits and hyphens");
    }
    int related = Params.intParam(ctx, "related", 5, 0, 20);
    IssueView.Page page =
        // a key's scope: an issue outside it does not exist, nor do related ones outside it
        view.within(Scopes.of(ctx))
            .page(id, related)
            .orElseThrow(() -> ApiException.notFound("No issue with id '" + id + "'"));
    if (helpers.isPresent()) {
      page = helpers.get().issue(page, Panels.acceptLanguages(ctx.header("Accept-Language")));
    }
    ctx.json(page);
  }
}
