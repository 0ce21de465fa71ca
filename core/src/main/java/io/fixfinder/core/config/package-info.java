/**
 * Typed configuration: {@code config/defaults.yaml} documents and sets every key; an override file
 * and a few environment variables change them; {@link io.fixfinder.core.config.ConfigLoader} binds
 * the result once into records.
 */
package io.fixfinder.core.config;
