package io.github.bisearch;

/**
 * A failure bisearch can explain: an index that cannot be opened or written, a file that cannot be
 * read. The message is one line that says what went wrong and, where it can, what to do.
 */
public class BiSearchException extends RuntimeException {
  public BiSearchException(String message) {
    super(message);
  }

  public BiSearchException(String message, Throwable cause) {
    super(message, cause);
  }
}
