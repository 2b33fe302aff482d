/**
 * bisearch inside Apache Solr: the {@code {!bisearch}} query parser. The analyzers need no glue: a
 * Solr schema names {@link io.github.bisearch.analysis.WordsAnalyzer} and {@link
 * io.github.bisearch.analysis.BigramAnalyzer} directly (see the configset in {@code
 * src/main/configset/bisearch}).
 */
package io.github.bisearch.solr;
