/**
 * Measures document keying (type, brand, model, codes) against labels the real data carries in its
 * own columns: the myfixit device taxonomy, Open Repair Data's category and brand, the reviews'
 * product, NHTSA's make, the Open Repair quests' category and brand, the repair wiki's products.
 * Each set has a role: tuned on, seen (its errors were read), or held out. The data is read at run
 * time from {@code ../shared/data} and never copied.
 */
package io.fixfinder.core.understand.eval;
