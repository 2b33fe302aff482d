package io.github.bisearch;

/**
 * Restricts a search to some entries.
 *
 * @param section words the entry's section path must contain, in order (matched like query words:
 *     any case, width or script variant), or {@code null} for any section
 * @param language the entry's language, or {@code null} for any
 */
public record SearchFilter(String section, Language language) {
  /** No restriction. */
  public static final SearchFilter NONE = new SearchFilter(null, null);

  /** Whether this filter lets every entry through. */
  public boolean isNone() {
    return section == null && language == null;
  }
}
