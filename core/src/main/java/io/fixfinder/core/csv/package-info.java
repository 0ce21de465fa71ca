/** CSV reading for imports (Open Repair Data and other tabular sources). */
package io.fixfinder.core.csv;
