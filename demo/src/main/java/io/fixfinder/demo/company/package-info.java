/**
 * A fictional company's help centre, served on an origin of its own, that embeds the FixFinder
 * search box with one script tag: what a company's web developer would do, for the demo and the
 * browser tests of the widget (scope, keyboard use, style isolation, the fallback link).
 */
package io.fixfinder.demo.company;
