/**
 * "Did this fix it?" feedback as others read it: {@link io.fixfinder.core.feedback.FeedbackSignals}
 * gives the {@link io.fixfinder.core.feedback.Tally} of an item (a document or an issue cluster,
 * named by a {@link io.fixfinder.core.feedback.FeedbackItem}) without touching a database, so
 * ranking can ask at query time. {@link io.fixfinder.core.feedback.TallySnapshot} is the in-memory
 * implementation the store keeps current; {@link io.fixfinder.core.feedback.ItemExists} is how the
 * API asks whether a voted-on item is real (documents by the index; issue clusters plug in later).
 */
package io.fixfinder.core.feedback;
