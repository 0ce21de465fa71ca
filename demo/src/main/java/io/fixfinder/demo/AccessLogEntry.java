package io.fixfinder.demo;

import java.time.Instant;

/** One request to a demo site: the path includes the query string, as the client sent it. */
public record AccessLogEntry(String site, String method, String path, int status, Instant at) {}
