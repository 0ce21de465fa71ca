/**
 * The people side of FixFinder (issue 15): what the helper directory, helper accounts and contact
 * requests are served from. {@link People} is composed once at start and handed to the handlers of
 * {@code api.account}, {@code api.helpers} and {@code api.contact}.
 */
package io.fixfinder.api.people;
