package io.fixfinder.store.helpers;

import io.fixfinder.store.accounts.FieldError;
import java.util.List;

/** The outcome of {@link HelperProfiles#setChannels}: saved as normalised, or refused unchanged. */
public sealed interface ChannelUpdate {
  record Saved(ContactChannels channels) implements ChannelUpdate {}

  record Invalid(List<FieldError> errors) implements ChannelUpdate {
    public Invalid {
      errors = List.copyOf(errors);
    }
  }
}
