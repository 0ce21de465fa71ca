package io.fixfinder.crawler.parse.html.thread;

import java.time.Instant;

/**
 * One post as read from its block: the body text (quotes, signatures, buttons and the author panel
 * left out), its author ("" when not found), date ({@link Instant#EPOCH} when not found), votes (0
 * when the block shows none) and whether it is marked accepted.
 */
public record Post(String text, String author, Instant date, int votes, boolean accepted) {}
