/**
 * Query to hits: runs a query on a point-in-time searcher, loads the stored entries, and cuts
 * highlighted snippets from the offsets of what actually matched.
 */
package io.github.bisearch.search;
