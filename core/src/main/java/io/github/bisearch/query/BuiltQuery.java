package io.github.bisearch.query;

import java.util.List;
import org.apache.lucene.search.Query;

/**
 * A user query turned into Lucene terms.
 *
 * @param query the query to run
 * @param concepts the clause of each concept that is searched for (not the excluded ones), in query
 *     order; ranking counts how many of them an entry matches
 */
public record BuiltQuery(Query query, List<Query> concepts) {
  public BuiltQuery {
    concepts = List.copyOf(concepts);
  }
}
