package io.github.bisearch.eval;

/**
 * What evaluation needs to know of one result: enough to match it against a judgment.
 *
 * @param url the result's url, or {@code null}
 * @param source the file it came from
 * @param line the line it starts on
 */
public record RankedResult(String url, String source, int line) {

  /** Whether this result is the one {@code judged} names (a url, a path or {@code path:line}). */
  public boolean matches(String judged) {
    if (judged.equals(url)) {
      return true;
    }
    String withLine = source + ":" + line;
    return pathMatches(source, judged) || pathMatches(withLine, judged);
  }

  private static boolean pathMatches(String path, String judged) {
    String normalized = path.replace('\\', '/');
    return normalized.equals(judged) || normalized.endsWith("/" + judged);
  }
}
