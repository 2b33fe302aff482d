/**
 * Entries to Lucene: the index schema and the store that writes, commits and opens it.
 *
 * <p>Each text field of an entry (title, section, text) is stored once and indexed twice: as words
 * ({@code .w}) and as Han bigrams ({@code .bg}), both with offsets so that matches can be
 * highlighted without analyzing stored text again.
 */
package io.github.bisearch.index;
