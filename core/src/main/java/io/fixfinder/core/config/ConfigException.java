package io.fixfinder.core.config;

/** A configuration value is missing or out of range; the message names the key and the value. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
