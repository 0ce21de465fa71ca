/**
 * Fictional helpers for {@code ./fixfinder demo}: about forty volunteers spread over time zones,
 * languages and the demo corpus's products and faults, so that the drain search (Aqualine washing
 * machine, E18) shows several. Every contact detail is reserved for fiction: phone numbers from the
 * drama and test ranges of Ofcom, NANP (555-01xx), ACMA and ARCEP, email addresses and links under
 * the RFC 2606 example domains. Deterministic: the same helpers on every run.
 */
package io.fixfinder.demo.helpers;
