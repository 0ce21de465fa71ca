/**
 * Progress lines for long work (crawl, index, import, eval): done of discovered, what is left, the
 * rate over a moving window and an ETA from it ({@link io.fixfinder.core.progress.Estimator}).
 */
package io.fixfinder.core.progress;
