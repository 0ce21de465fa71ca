/**
 * The FixFinder demo: a deterministic corpus of support content for fictional brands (Aqualine,
 * Kesseler, Brewster, Voltaro, Lumio) – manuals in HTML and PDF, two forums, a review shop, a
 * manufacturer support site and repair videos – and the local servers that publish it.
 *
 * <p>{@link io.fixfinder.demo.DemoCorpus#writeTo} writes the corpus; {@link
 * io.fixfinder.demo.DemoSites} serves each site on its own 127.0.0.1 origin (robots.txt and
 * sitemaps are per host); {@link io.fixfinder.demo.FakeYouTubeApi} answers the YouTube Data API v3
 * calls the crawler makes. The texts come from the YAML files beside these classes; pages are
 * generated from them with seeded randoms, so every run writes the same bytes.
 */
package io.fixfinder.demo;
