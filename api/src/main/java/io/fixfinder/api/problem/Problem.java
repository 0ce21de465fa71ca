package io.fixfinder.api.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail. {@code type} is a stable URI per kind of problem; clients switch on
 * it, never on the human-readable {@code title} or {@code detail}. {@code instance} (the request
 * path) is left out when the request had no usable one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance) {
  public static final String BASE = "https://fixfinder.dev/problems/";
}
