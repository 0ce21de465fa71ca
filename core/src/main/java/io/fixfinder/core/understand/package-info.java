/**
 * Understanding of product and fault vocabulary, shared by document keying (crawler) and query
 * interpretation (indexer, api). {@link io.fixfinder.core.understand.KeyExtractor#extract} reads a
 * query, where any mention counts; {@link io.fixfinder.core.understand.DocumentKeying} keys a page
 * on evidence (title, breadcrumbs and structured hints over body text, head nouns, brands beside
 * products, codes with code context). The vocabulary is data: {@code product-types.yaml}, {@code
 * brands.yaml}, {@code symptoms.yaml}, {@code error-codes.yaml} and {@code code-context.yaml}
 * beside this package. Extend it by editing those files.
 */
package io.fixfinder.core.understand;
