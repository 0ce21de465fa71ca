package io.fixfinder.store.accounts;

import java.util.Objects;

/**
 * One invalid input field: {@code field} is the input's name as the API knows it ({@code password},
 * {@code skills[3]}), {@code message} says what is wrong. Messages quote a bad value only where it
 * is not personal data (a time zone, a language code), never a password, email or name.
 */
public record FieldError(String field, String message) {
  public FieldError {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }
}
