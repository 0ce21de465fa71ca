package io.fixfinder.store.contact;

/**
 * A new request and the customer's capability: the secret part of their private link. It is
 * returned this once and stored only as a hash; whoever holds it can follow the request.
 */
public record Created(ContactRequest request, String capability) {
  @Override
  public String toString() {
    return "Created[" + request + ", capability=***]";
  }
}
