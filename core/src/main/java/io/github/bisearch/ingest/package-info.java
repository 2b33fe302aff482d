/**
 * Markdown to entries: the unit bisearch indexes and returns.
 *
 * <p>Every list item becomes an entry (title and url from its leading link, a description, a date
 * prefix, further links), and so does every paragraph outside a list (titled by its heading). Each
 * entry keeps its heading path, source and line.
 */
package io.github.bisearch.ingest;
