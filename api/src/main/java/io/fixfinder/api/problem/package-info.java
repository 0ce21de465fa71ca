/**
 * RFC 9457 problem details: the typed exception handlers throw, the one mapper that writes them for
 * Javalin ({@link io.fixfinder.api.problem.ProblemMapper}), and Jetty's error handler replaced
 * ({@link io.fixfinder.api.problem.JettyErrorHandler}) so requests refused before Javalin get the
 * same problems and headers.
 */
package io.fixfinder.api.problem;
