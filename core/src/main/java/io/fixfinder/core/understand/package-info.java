/**
 * Understanding of product and fault vocabulary, shared by document keying (crawler) and query
 * interpretation (indexer, api). The vocabulary is data: {@code product-types.yaml}, {@code
 * brands.yaml} and {@code symptoms.yaml} beside this package. Extend it by editing those files.
 */
package io.fixfinder.core.understand;
