package io.fixfinder.store;

/**
 * The database failed or could not be reached. Messages never carry the JDBC URL (it may hold a
 * password).
 */
public final class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
