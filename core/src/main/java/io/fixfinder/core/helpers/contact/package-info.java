/**
 * Checks of the contact channels a helper may offer (phone, email, https video-call link): each
 * normalises valid input and rejects the rest with an {@link
 * io.fixfinder.core.helpers.contact.InvalidContactException} whose message never repeats the value,
 * since contact details are personal data and error messages end up in logs.
 */
package io.fixfinder.core.helpers.contact;
