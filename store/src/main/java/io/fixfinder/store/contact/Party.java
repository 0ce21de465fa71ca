package io.fixfinder.store.contact;

/**
 * Who acts on a request. The store checks that the party belongs to the request; the caller only
 * says who is asking.
 */
public sealed interface Party {
  /**
   * The customer, by the capability from their private link (shown once, at creation).
   *
   * @param capability the token as given; a malformed one simply opens nothing
   */
  record Customer(String capability) implements Party {
    public Customer {
      capability = capability == null ? "" : capability;
    }

    @Override
    public String toString() {
      return "Customer[capability=***]"; // a capability is a password: never in a log line
    }
  }

  /**
   * A helper, by the id the caller authenticated (a session), about one of their requests.
   *
   * @param helperId the signed-in helper
   * @param requestId the request they act on
   */
  record Helper(String helperId, String requestId) implements Party {
    public Helper {
      helperId = helperId == null ? "" : helperId;
      requestId = requestId == null ? "" : requestId;
    }
  }
}
