/** Progress lines for long work (crawl, index, import, eval): done, rate, left, ETA. */
package io.fixfinder.core.progress;
