package io.github.bisearch.solr;

import io.github.bisearch.glossary.Concept;
import io.github.bisearch.glossary.Glossary;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A deterministic bilingual awesome list: list entries under headings whose titles and blurbs are
 * glossary terms in Chinese, English or both, a few terms very common and most rare, so that
 * rankings have many near ties and many entries match each query.
 */
final class GeneratedCorpus {
  static final int ENTRIES_PER_FILE = 1_000;

  private final SplittableRandom random;
  private final List<String> chinese = new ArrayList<>();
  private final List<String> english = new ArrayList<>();

  GeneratedCorpus(long seed) {
    random = new SplittableRandom(seed);
    for (Concept concept : Glossary.builtIn().concepts()) {
      chinese.add(concept.chinese().get(0));
      english.add(concept.english().get(0));
    }
  }

  /** Writes {@code entries} entries into {@code part-N.md} files in {@code dir}. */
  void write(int entries, Path dir) throws IOException {
    Files.createDirectories(dir);
    for (int file = 0; file * ENTRIES_PER_FILE < entries; file++) {
      Path path = dir.resolve(String.format(Locale.ROOT, "part-%02d.md", file));
      try (Writer out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
        out.write("# " + word(true) + " " + word(false) + "\n");
        int count = Math.min(ENTRIES_PER_FILE, entries - file * ENTRIES_PER_FILE);
        for (int i = 0; i < count; i++) {
          if (i % 100 == 0) {
            out.write("\n## " + word(random.nextBoolean()) + "\n\n");
          }
          int id = file * ENTRIES_PER_FILE + i;
          out.write("- [" + words(1 + random.nextInt(3)) + "](https://example.org/g/" + id + "): ");
          out.write(words(3 + random.nextInt(8)) + "\n");
        }
      }
    }
  }

  /** {@code n} words, all Chinese, all English or mixed. */
  private String words(int n) {
    int kind = random.nextInt(3);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < n; i++) {
      boolean zh = kind == 0 || (kind == 2 && random.nextBoolean());
      if (text.length() > 0 && !zh) {
        text.append(' ');
      }
      text.append(word(zh));
    }
    return text.toString();
  }

  /** A glossary term; the cube of a uniform draw makes the first terms far more common. */
  private String word(boolean zh) {
    double r = random.nextDouble();
    int index = (int) (r * r * r * chinese.size());
    return zh ? chinese.get(index) : english.get(index);
  }
}
