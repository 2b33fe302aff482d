/**
 * Entries to Lucene: the index schema and the store that writes, commits and opens it.
 *
 * <p>Each text field of an entry (title, section, text) is stored once and indexed three times: as
 * words ({@code .w}) and as Han bigrams ({@code .bg}), both with offsets so that matches can be
 * highlighted without analyzing stored text again, and as the built-in glossary's terms ({@code
 * .g}), one token per occurrence, so that a query finds a glossary term with one term lookup.
 *
 * <p>Beside the entry documents, each indexed file (or markdown text) has one source document with
 * the file's size and modification time, written in the same block as the file's entries. Source
 * documents have no searched field, so no query finds them; a {@code kind} field tells the two
 * apart where all documents are walked or counted.
 */
package io.github.bisearch.index;
