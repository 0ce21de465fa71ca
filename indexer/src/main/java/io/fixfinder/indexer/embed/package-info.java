/**
 * Dense sentence embeddings for semantic retrieval and issue clustering. {@link
 * io.fixfinder.indexer.embed.Embedder} is the interface the rest of the indexer uses; {@link
 * io.fixfinder.indexer.embed.MiniLmEmbedder} is the one adapter, running the small all-MiniLM-L6-v2
 * (quantised) model that ships inside its jar, so nothing is downloaded at run time.
 */
package io.fixfinder.indexer.embed;
