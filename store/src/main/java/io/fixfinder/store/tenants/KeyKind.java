package io.fixfinder.store.tenants;

/** The two keys a tenant holds. */
public enum KeyKind {
  /** {@code pk_...}: for the widget in people's browsers, bound to the tenant's origins. */
  PUBLISHABLE("pk_", "publishable"),
  /** {@code sk_...}: server to server (and the company's admin later); refused from browsers. */
  SECRET("sk_", "secret");

  private final String prefix;
  private final String wire;

  KeyKind(String prefix, String wire) {
    this.prefix = prefix;
    this.wire = wire;
  }

  public String prefix() {
    return prefix;
  }

  /** The value of the {@code kind} column. */
  public String wire() {
    return wire;
  }

  static KeyKind ofWire(String wire) {
    for (KeyKind k : values()) if (k.wire.equals(wire)) return k;
    throw new IllegalArgumentException("unknown key kind " + wire);
  }
}
