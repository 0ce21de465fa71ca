package io.fixfinder.store.helpers;

import io.fixfinder.store.accounts.FieldError;
import java.util.List;

/** The outcome of {@link HelperProfiles#update}: saved as normalised, or refused unchanged. */
public sealed interface ProfileUpdate {
  record Saved(Profile profile) implements ProfileUpdate {}

  record Invalid(List<FieldError> errors) implements ProfileUpdate {
    public Invalid {
      errors = List.copyOf(errors);
    }
  }
}
