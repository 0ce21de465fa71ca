/**
 * {@code POST /api/feedback}: "did this fix it?" votes. The handler validates the body and the item
 * (documents against the index, issue clusters through an {@link
 * io.fixfinder.core.feedback.ItemExists} that the issues feature plugs in) and records the vote in
 * the {@link io.fixfinder.store.feedback.FeedbackStore}.
 */
package io.fixfinder.api.feedback;
