package io.fixfinder.store.contact;

import java.time.Instant;
import java.util.Optional;

/**
 * Someone reported a helper to the operator.
 *
 * @param requestId the request it came from, while that request exists
 */
public record HelperReport(
    String id, String helperId, Optional<String> requestId, String reason, Instant reportedAt) {}
