/**
 * User string to Lucene query: the query syntax, concept extraction with glossary translation, and
 * the weighting that keeps translations below the user's own words.
 */
package io.github.bisearch.query;
