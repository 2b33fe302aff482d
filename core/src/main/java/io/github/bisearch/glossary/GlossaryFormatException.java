package io.github.bisearch.glossary;

/** A glossary file that does not follow the format; the message names the file and line. */
public final class GlossaryFormatException extends IllegalArgumentException {
  public GlossaryFormatException(String message) {
    super(message);
  }
}
