/**
 * The one mapping of an Open Repair Data Standard row to a repair-report {@link
 * io.fixfinder.core.model.SourceDoc}: {@code ./fixfinder import ords} writes with it and {@code
 * ./fixfinder eval clusters} scores with it, so the evaluation sees exactly the records an import
 * writes. Reading the file (which rows to keep, which label to attach) stays with each caller.
 */
package io.fixfinder.core.ords;
