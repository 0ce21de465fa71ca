/**
 * Encryption at rest for personal data (helpers' and customers' contact details). The key lives
 * outside the database ({@link SecretKeys}): a stolen database alone reveals no contact detail.
 * {@link SecretBox} seals text with AES-GCM; its {@link SecretBox#blindIndex blind index} lets a
 * row be found by an exact value (an email address at login) without storing the value.
 */
package io.fixfinder.store.crypto;
