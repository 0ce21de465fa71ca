package io.fixfinder.core.model;

/** A chapter of a repair video: where it starts and a deep link that opens the video there. */
public record Chapter(int startSeconds, String title, String url) {}
