package io.fixfinder.ui;

import java.util.List;

/**
 * A company's alert settings form (issue 16, {@code /dashboard/alerts}): a webhook URL and/or an
 * email address and the growth that triggers an alert, the webhook's signing secret, and the alerts
 * sent lately. A plain form: works without script; errors are listed in a summary linked to their
 * fields and marked on each field.
 *
 * @param saved a confirmation to show ("" for none)
 */
public record AlertsPage(
    String tenantName,
    String csrf,
    String webhookUrl,
    String email,
    String minGrowth,
    String signingSecret,
    List<FieldError> errors,
    String saved,
    List<Sent> recent) {

  public AlertsPage {
    errors = List.copyOf(errors);
    recent = List.copyOf(recent);
  }

  public String title() {
    return (errors.isEmpty() ? "" : "Error: ") + tenantName + " alerts - FixFinder";
  }

  /** The error of {@code field}, or "". */
  public String error(String field) {
    return errors.stream()
        .filter(e -> e.field().equals(field))
        .map(FieldError::message)
        .findFirst()
        .orElse("");
  }

  /** A field refused, and why. */
  public record FieldError(String field, String message) {}

  /** An alert sent (or tried). */
  public record Sent(String issueId, String windowEnd, String outcome) {}
}
