package io.fixfinder.store.contact;

import java.time.Instant;
import java.util.Optional;

/**
 * A request as either party sees it. It never carries the customer's address: that is only handed
 * to the mailer ({@link ContactStore#customerAddress}).
 *
 * @param lastActivityAt the last message or state change; the request is deleted once it is older
 *     than the retention time
 * @param firstResponseAt when the helper first accepted or declined
 */
public record ContactRequest(
    String id,
    String helperId,
    String issueId,
    RequestStatus status,
    int messageCount,
    Instant createdAt,
    Instant lastActivityAt,
    Optional<Instant> acceptedAt,
    Optional<Instant> firstResponseAt,
    Optional<Instant> closedAt,
    Optional<FixOutcome> outcome) {}
