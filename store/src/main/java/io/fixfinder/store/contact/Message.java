package io.fixfinder.store.contact;

import java.time.Instant;

/**
 * One message of a thread, verbatim as written (the pages escape it on output).
 *
 * @param seq its place in the thread, from 1 (the request itself)
 */
public record Message(int seq, Side side, String text, Instant sentAt) {}
