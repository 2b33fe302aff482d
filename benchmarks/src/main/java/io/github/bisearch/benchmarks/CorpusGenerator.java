package io.github.bisearch.benchmarks;

import io.github.bisearch.glossary.Concept;
import io.github.bisearch.glossary.Glossary;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a deterministic bilingual markdown corpus: awesome-list style files of list entries
 * ({@code - [title](url): description}) under headings, with descriptions in Chinese, English or
 * both. Words are drawn from the built-in glossary (both languages) and a list of common Chinese
 * words with a Zipf distribution, so that a few words are everywhere and most are rare, as in real
 * text.
 *
 * <p>Usage: {@code CorpusGenerator ENTRIES DIR [SEED]}.
 */
public final class CorpusGenerator {
  /** Changes whenever the same seed would write different bytes. */
  static final String VERSION = "1";

  /** Entries per generated file. */
  static final int ENTRIES_PER_FILE = 1_000;

  private static final int ZIPF_OFFSET = 20;

  private static final String[] CHINESE_FILLER = {
    "的", "是", "一个", "用于", "支持", "基于", "提供", "可以", "我们", "通过", "使用", "简单", "快速",
    "高性能", "轻量级", "开源", "工具", "项目", "实现", "功能", "应用", "以及", "和", "在", "中", "进行"
  };
  private static final String[] ENGLISH_FILLER = {
    "a",
    "the",
    "for",
    "with",
    "and",
    "simple",
    "fast",
    "library",
    "tool",
    "based",
    "on",
    "of",
    "to",
    "in",
    "support",
    "written",
    "in",
    "go",
    "java",
    "lightweight",
    "easy",
    "powerful"
  };

  private final SplittableRandom random;
  private final List<String> chinese = new ArrayList<>();
  private final List<String> english = new ArrayList<>();
  private final double[] zipf;

  CorpusGenerator(long seed) {
    this.random = new SplittableRandom(seed);
    List<Concept> concepts = new ArrayList<>(Glossary.builtIn().concepts());
    java.util.Collections.shuffle(concepts, new java.util.Random(seed));
    for (Concept concept : concepts) {
      chinese.add(concept.chinese().get(0));
      english.add(concept.english().get(0));
    }
    // Cumulative Zipf–Mandelbrot weights 1 / (rank + 20): the commonest words of real text are
    // function words (the fillers below), so no glossary term should be in nearly every entry.
    zipf = new double[chinese.size()];
    double sum = 0;
    for (int i = 0; i < zipf.length; i++) {
      sum += 1.0 / (i + 1 + ZIPF_OFFSET);
      zipf[i] = sum;
    }
    for (int i = 0; i < zipf.length; i++) {
      zipf[i] /= sum;
    }
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: CorpusGenerator ENTRIES DIR [SEED]");
      System.exit(2);
    }
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 42L;
    new CorpusGenerator(seed).write(Integer.parseInt(args[0]), Path.of(args[1]));
  }

  /** Writes {@code entries} entries into markdown files under {@code dir}. */
  void write(int entries, Path dir) throws IOException {
    Files.createDirectories(dir);
    for (int file = 0; file * ENTRIES_PER_FILE < entries; file++) {
      int count = Math.min(ENTRIES_PER_FILE, entries - file * ENTRIES_PER_FILE);
      Path path = dir.resolve(String.format(java.util.Locale.ROOT, "part-%05d.md", file));
      try (Writer out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
        out.write("# " + word(true) + " " + word(false) + "\n\n");
        for (int i = 0; i < count; i++) {
          if (i % 50 == 0) {
            out.write("\n## " + word(random.nextBoolean()) + "\n\n");
          }
          int id = file * ENTRIES_PER_FILE + i;
          out.write(entry(id));
        }
      }
    }
  }

  /** One list entry. */
  String entry(int id) {
    StringBuilder line = new StringBuilder("- [");
    line.append(word(false)).append('-').append(id).append("](https://example.org/p/").append(id);
    line.append("): ");
    int kind = random.nextInt(3); // 0 Chinese, 1 English, 2 mixed
    int words = 8 + random.nextInt(25);
    for (int w = 0; w < words; w++) {
      boolean zh = kind == 0 || (kind == 2 && random.nextInt(3) > 0);
      boolean filler = random.nextInt(3) == 0;
      String token =
          filler
              ? (zh ? CHINESE_FILLER : ENGLISH_FILLER)
                  [random.nextInt((zh ? CHINESE_FILLER : ENGLISH_FILLER).length)]
              : word(zh);
      if (!zh && line.length() > 0 && line.charAt(line.length() - 1) != ' ') {
        line.append(' ');
      }
      line.append(token);
      if (!zh) {
        line.append(' ');
      }
    }
    line.append(kind == 1 ? ".\n" : "。\n");
    return line.toString();
  }

  /** A glossary word drawn by Zipf rank, in Chinese or English. */
  String word(boolean zh) {
    double u = random.nextDouble();
    int lo = 0;
    int hi = zipf.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (zipf[mid] < u) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return zh ? chinese.get(lo) : english.get(lo);
  }
}
