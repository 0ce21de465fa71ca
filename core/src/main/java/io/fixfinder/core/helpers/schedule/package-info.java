/**
 * When a helper helps: a weekly schedule in the helper's own wall-clock time ({@link
 * io.fixfinder.core.helpers.schedule.WeeklyHours}), stored as canonical text beside an IANA zone
 * id. Evenings, weekends and nights are first-class: help outside office hours is the point.
 */
package io.fixfinder.core.helpers.schedule;
