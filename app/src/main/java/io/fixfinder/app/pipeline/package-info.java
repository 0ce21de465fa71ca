/** The runs the subcommands share: crawl into records, build the index, the data layout. */
package io.fixfinder.app.pipeline;
