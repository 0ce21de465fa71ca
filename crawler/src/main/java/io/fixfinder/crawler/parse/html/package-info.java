/** Extraction from plain HTML: main content, forum posts, troubleshooting tables. */
package io.fixfinder.crawler.parse.html;
