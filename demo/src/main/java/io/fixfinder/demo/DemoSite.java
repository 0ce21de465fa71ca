package io.fixfinder.demo;

import java.nio.file.Path;

/**
 * One demo site: its key ({@code manuals}, {@code fixitforum}, ...), its main source kind ({@code
 * manual | forum | review | product}), the folder it is served from and its name for people ("FixIt
 * Forum", which its pages also declare in their head).
 */
public record DemoSite(String name, String kind, Path root, String title) {}
