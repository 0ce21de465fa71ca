package io.fixfinder.ui;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The model of every helper-account page: what the form shows again (never a password), the errors
 * to summarise at the top and beside their fields, the session's CSRF token for forms that change
 * something, and a notice (what just happened).
 *
 * @param title the page's heading and title
 * @param csrf the session's CSRF token, or "" on pages used before signing in
 * @param signedIn whether a helper is signed in (the page offers "sign out")
 * @param errors what was refused, in the order the fields appear
 * @param values what the form's fields hold, by field name
 * @param notice a line saying what just happened, or ""
 */
public record AccountView(
    String title,
    String csrf,
    boolean signedIn,
    List<FormError> errors,
    Map<String, String> values,
    String notice) {

  public AccountView {
    Objects.requireNonNull(title, "title");
    csrf = Objects.requireNonNullElse(csrf, "");
    errors = List.copyOf(errors);
    values = Map.copyOf(values);
    notice = Objects.requireNonNullElse(notice, "");
  }

  /** A page before signing in, with these field values and errors. */
  public static AccountView form(String title, Map<String, String> values, List<FormError> errors) {
    return new AccountView(title, "", false, errors, values, "");
  }

  /**
   * One refused field. {@code field} is the API's name ({@code skills[2]}); the error links to the
   * input of its base name ({@code #f-skills}).
   */
  public record FormError(String field, String message) {
    /** The field of an error about the whole form (no input to link to). */
    public static final String FORM = "form";

    public FormError {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(message, "message");
    }

    /** The id of the input this error is about. */
    public String anchor() {
      return fieldId(field);
    }
  }

  /** The id of the input named {@code name}: {@code f-} and the name up to any index. */
  public static String fieldId(String name) {
    int bracket = name.indexOf('[');
    return "f-" + (bracket < 0 ? name : name.substring(0, bracket));
  }

  public String value(String name) {
    return values.getOrDefault(name, "");
  }

  public boolean checked(String name) {
    return "on".equals(values.get(name)) || "true".equals(values.get(name));
  }

  public boolean invalid(String name) {
    String id = fieldId(name);
    return errors.stream().anyMatch(e -> e.anchor().equals(id));
  }

  /** The messages about the input {@code name}, joined. */
  public String error(String name) {
    String id = fieldId(name);
    return String.join(
        " ", errors.stream().filter(e -> e.anchor().equals(id)).map(FormError::message).toList());
  }

  /**
   * The ids that describe the input (its hint and its error), as aria-describedby wants them; null
   * when there are none, because jte leaves out an attribute whose value is null, and an empty
   * aria-describedby is noise to assistive technology.
   */
  public String describedBy(String name, boolean hasHint) {
    String id = fieldId(name);
    String hint = hasHint ? id + "-hint" : "";
    String error = invalid(name) ? id + "-error" : "";
    String ids = (hint + " " + error).strip();
    return ids.isEmpty() ? null : ids;
  }

  /** The page title with a leading "Error: " when the form was refused (WCAG 3.3.1). */
  public String documentTitle() {
    return (errors.isEmpty() ? "" : "Error: ") + title + " - FixFinder";
  }
}
