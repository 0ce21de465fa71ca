/**
 * Forum and Q&amp;A threads read from a page's structure, without site selectors: the repeated
 * sibling blocks that carry prose and post cues (an author, a date, a vote count, an "accepted"
 * marker, reply/quote affordances) are the posts ({@link PostBlocks}); a post-like block before
 * them, when there is one, is the question; each block is read by {@link PostReader} into a {@link
 * Post}. {@link ThreadReader} puts it together and also takes the sources file's {@code post},
 * {@code postBody}, {@code votes} and {@code accepted} selectors when a site gives them. The word
 * lists here are cues (what "accepted" or "reply" look like in any engine), never an engine's class
 * names.
 */
package io.fixfinder.crawler.parse.html.thread;
