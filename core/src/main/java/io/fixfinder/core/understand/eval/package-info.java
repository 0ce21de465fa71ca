/**
 * Measures document keying (type, brand, model, codes) against labels the real data carries in its
 * own columns: the myfixit device taxonomy, Open Repair Data's category and brand, the reviews'
 * product, NHTSA's make. The data is read at run time from {@code ../shared/data} and never copied.
 */
package io.fixfinder.core.understand.eval;
