package io.fixfinder.api.contact;

import io.fixfinder.api.account.InvalidInput;
import io.fixfinder.api.problem.ApiException;
import io.fixfinder.store.contact.ContactResult;
import io.fixfinder.store.contact.RequestStatus;

/** The problems of the contact flows, and the one mapping of a store result to them. */
final class ContactProblems {
  private ContactProblems() {}

  static ApiException unknownCapability() {
    return new ApiException(
        404,
        "unknown-capability",
        "Not found",
        "No request for this link: it was not copied whole, or the request has expired and was"
            + " deleted");
  }

  static ApiException unknownRequest() {
    return new ApiException(
        404, "unknown-request", "Not found", "No such request in your inbox (or it has expired)");
  }

  static ApiException unknownHelper() {
    return new ApiException(
        404, "unknown-helper", "Not found", "No helper with this id takes requests");
  }

  /** What an operation on a request in the wrong state is. */
  enum Op {
    ANSWER,
    OTHER
  }

  /**
   * The value of a done result; otherwise the problem: {@code notFound} for a missing request,
   * {@code already-answered} for an accept or decline of a request no longer open, {@code
   * not-accepted} for what needs acceptance, {@code request-closed} for a declined or closed one,
   * {@code invalid-input} for bad input (the store's field renamed to the API's).
   */
  static <T> T value(ContactResult<T> result, ApiException notFound, Op op) {
    return switch (result) {
      case ContactResult.Done<T> d -> d.value();
      case ContactResult.NotFound<T> n -> throw notFound;
      case ContactResult.Conflict<T> c -> throw conflict(c.status(), c.detail(), op);
      case ContactResult.Invalid<T> i -> throw InvalidInput.of(field(i.field()), i.detail());
    };
  }

  private static ApiException conflict(RequestStatus status, String detail, Op op) {
    String slug;
    if (op == Op.ANSWER) slug = "already-answered";
    else if (status == RequestStatus.OPEN) slug = "not-accepted";
    else slug = "request-closed";
    return new ApiException(409, slug, "Conflict", capitalise(detail));
  }

  static String field(String storeField) {
    return switch (storeField) {
      case "text" -> "text";
      case "issueId" -> "issue";
      default -> storeField;
    };
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
