/**
 * The embeddable search box: {@code GET /embed.js}, the script a company's help page includes with
 * one tag. The script itself lives in the ui module ({@code fixfinder-widget/embed.js}); it calls
 * the public API with the page's publishable key, so this package only serves it.
 */
package io.fixfinder.api.widget;
