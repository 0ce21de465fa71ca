package io.fixfinder.store.tenants;

/**
 * A tenant with the keys just issued to it: the only time a key exists outside the caller's hands.
 * {@link #toString()} leaves the keys out, so a record logged by mistake shows none.
 */
public record IssuedKeys(Tenant tenant, String publishableKey, String secretKey) {
  @Override
  public String toString() {
    return "IssuedKeys[tenant=" + tenant.id() + ", keys hidden]";
  }
}
