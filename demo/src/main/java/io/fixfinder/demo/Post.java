package io.fixfinder.demo;

import java.time.LocalDateTime;

/**
 * One post of a thread. {@code comment} marks a short follow-up shown under the accepted answer
 * (Q&amp;A sites) rather than as an answer of its own.
 */
record Post(
    String author,
    String role,
    String signature,
    LocalDateTime at,
    String text,
    int votes,
    boolean accepted,
    boolean comment) {}
