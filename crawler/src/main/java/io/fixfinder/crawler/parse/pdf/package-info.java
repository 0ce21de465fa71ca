/** PDF manuals with PDFBox: sections and troubleshooting-table rows with their page numbers. */
package io.fixfinder.crawler.parse.pdf;
