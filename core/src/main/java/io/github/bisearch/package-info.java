/**
 * bisearch: one query searches Chinese and English text.
 *
 * <p>{@link io.github.bisearch.BiSearch} is the entry point: open an index, add markdown, search.
 * The other public types here are what it returns. The sub-packages follow the path a document
 * takes: {@code ingest} (markdown to entries), {@code analysis} (text to tokens), {@code glossary}
 * (Chinese⇄English terms), {@code index} (entries to Lucene), {@code query} (user string to Lucene
 * query) and {@code search} (query to hits and snippets).
 */
package io.github.bisearch;
