/**
 * The frontier of a crawl spread over several workers (docs/scaling.md, "Crawling beyond one
 * machine"): {@link HostShards} gives each host to exactly one worker, so per-host politeness needs
 * no coordination; each worker's {@link HostFrontier} keeps in memory only what is per host (its
 * due time and the ends of its queue) and the URLs themselves on disk, with a {@link SeenUrls}
 * filter against fetching a URL twice; a checkpoint lets a killed worker resume losing no URL.
 * {@code fixfinder bench frontier} simulates one worker's share at 100 million URLs.
 */
package io.fixfinder.crawler.frontier;
