/**
 * Chinese⇄English terms: the bilingual glossary that lets a query in one language match text in the
 * other.
 *
 * <p>A glossary is a set of concepts, each a group of Chinese terms and English terms that mean the
 * same thing. Lookup works on raw query text, before word segmentation, taking the longest term
 * that matches at each place.
 */
package io.github.bisearch.glossary;
