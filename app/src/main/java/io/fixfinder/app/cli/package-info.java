/** One class per subcommand; options shared by several live in mixins. */
package io.fixfinder.app.cli;
