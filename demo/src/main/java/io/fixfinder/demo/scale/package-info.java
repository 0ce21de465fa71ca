/**
 * Synthetic records at scale (100k to millions) for benchmarks: realistic in shape (products,
 * models, codes, symptoms, source kinds, Zipf-distributed vocabulary, varied lengths), generated
 * deterministically from a seed and a record number, so any slice can be produced in parallel.
 */
package io.fixfinder.demo.scale;
