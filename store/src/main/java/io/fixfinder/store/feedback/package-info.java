/**
 * Feedback votes in the database: {@link io.fixfinder.store.feedback.FeedbackStore} records a vote
 * (one per client per item per UTC day) and keeps a {@link
 * io.fixfinder.core.feedback.TallySnapshot} current, which is what ranking reads.
 */
package io.fixfinder.store.feedback;
