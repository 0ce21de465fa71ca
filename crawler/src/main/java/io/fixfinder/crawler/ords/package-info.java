/** Imports of Open Repair Data Standard files as repair reports with outcomes. */
package io.fixfinder.crawler.ords;
