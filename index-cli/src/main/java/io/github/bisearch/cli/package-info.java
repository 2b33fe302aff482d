/**
 * {@code search-cli}: the command-line program on top of the bisearch library. One class per
 * command; {@link io.github.bisearch.cli.SearchCli#main} is the only place that exits.
 */
package io.github.bisearch.cli;
