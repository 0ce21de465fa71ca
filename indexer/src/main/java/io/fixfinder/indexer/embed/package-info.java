/**
 * Dense sentence embeddings for semantic retrieval and issue clustering. {@link
 * io.fixfinder.indexer.embed.Embedder} is the interface the rest of the indexer uses; {@link
 * io.fixfinder.indexer.embed.MiniLmEmbedder} is the one adapter, running the small all-MiniLM-L6-v2
 * (quantised) model that ships inside its jar, so nothing is downloaded at run time. It was chosen
 * over e5-small-v2, bge-small-en-v1.5 and its own full-precision twin on the dev sets (the test
 * harness {@code EmbeddingModels}, docs/ranking.md); those candidates are test dependencies only.
 */
package io.fixfinder.indexer.embed;
