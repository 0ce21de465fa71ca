package io.fixfinder.store.contact;

/** What one purge or one account deletion removed: rows, never who. */
public record Purged(int requests, int reports) {
  public int total() {
    return requests + reports;
  }
}
