package io.fixfinder.demo;

import java.nio.file.Path;

/**
 * One demo site: its key ({@code manuals}, {@code fixitforum}, ...), its main source kind ({@code
 * manual | forum | review | product}) and the folder it is served from.
 */
public record DemoSite(String name, String kind, Path root) {}
