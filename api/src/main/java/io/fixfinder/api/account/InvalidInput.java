package io.fixfinder.api.account;

import io.fixfinder.api.problem.ApiException;
import io.fixfinder.store.accounts.FieldError;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Input refused field by field: a 400 {@code invalid-input} problem whose detail names each field
 * and what is wrong with it; pages show the same list as an error summary. The store's messages
 * never quote a password, an address or a name, so the detail is safe to send and to log.
 */
public final class InvalidInput extends ApiException {
  private final transient List<FieldError> errors;

  public InvalidInput(List<FieldError> errors) {
    super(
        400,
        "invalid-input",
        "Invalid input",
        errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  public static InvalidInput of(String field, String message) {
    return new InvalidInput(List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }
}
