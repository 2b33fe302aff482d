package io.github.bisearch.ingest;

/**
 * YAML front matter at the top of a markdown file: its {@code title}, and the document with the
 * front matter blanked out line by line so that line numbers stay true.
 */
record FrontMatter(String title, String body) {

  static FrontMatter split(String markdown) {
    String text = markdown.startsWith("\uFEFF") ? markdown.substring(1) : markdown;
    if (!text.startsWith("---")) {
      return new FrontMatter(null, text);
    }
    String[] lines = text.split("\n", -1);
    if (!lines[0].strip().equals("---")) {
      return new FrontMatter(null, text);
    }
    int close = -1;
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.equals("---") || line.equals("...")) {
        close = i;
        break;
      }
    }
    if (close < 0) {
      return new FrontMatter(null, text);
    }
    String title = null;
    for (int i = 1; i < close; i++) {
      String line = lines[i];
      if (line.startsWith("title:")) {
        title = unquote(line.substring("title:".length()).strip());
      }
    }
    StringBuilder body = new StringBuilder(text.length());
    for (int i = 0; i < lines.length; i++) {
      if (i > close) {
        body.append(lines[i]);
      }
      if (i < lines.length - 1) {
        body.append('\n');
      }
    }
    return new FrontMatter(title == null || title.isEmpty() ? null : title, body.toString());
  }

  private static String unquote(String value) {
    if (value.length() >= 2) {
      char first = value.charAt(0);
      char last = value.charAt(value.length() - 1);
      if ((first == '"' || first == '\'') && last == first) {
        return value.substring(1, value.length() - 1).strip();
      }
    }
    return value;
  }
}
