/**
 * The HTML pages (search, issue, product): thin handlers that read the same views as the JSON API
 * and render the ui module's templates. A page's bad input is a page that says what was wrong, with
 * the status a problem would carry; the JSON problems stay the API's.
 */
package io.fixfinder.api.pages;
