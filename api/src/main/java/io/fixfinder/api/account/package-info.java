/**
 * Helper accounts over HTTP (issue 15): the session cookie and CSRF checks every owner-only handler
 * uses ({@link io.fixfinder.api.account.HelperAuth}), the JSON endpoints under {@code
 * /api/account/...} ({@link io.fixfinder.api.account.AccountHandler}) and the pages a helper signs
 * up, signs in and edits their profile with ({@link io.fixfinder.api.account.AccountPageHandler});
 * the flows both share are {@link io.fixfinder.api.account.AccountService}. The store decides
 * (accounts, profiles, deletion); these classes only translate HTTP and never log a token, a
 * password or a contact detail.
 */
package io.fixfinder.api.account;
