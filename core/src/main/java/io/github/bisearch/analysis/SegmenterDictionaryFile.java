package io.github.bisearch.analysis;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes smartcn's segmenter dictionaries in bisearch's compact form, at build time.
 *
 * <p>smartcn keeps its dictionaries as Java-serialised arrays; reading them back takes about a
 * tenth of a second in a fresh JVM, most of it spent on the core dictionary's 85,000 small arrays.
 * The build reads them once and writes the same arrays as plain numbers, which a search from the
 * command line then reads in a fraction of that time when its text needs the segmenter. {@code
 * HhmmSegmenterTest} checks that the copy holds exactly smartcn's arrays.
 *
 * <p>Usage (run by the build at {@code process-classes}): {@code SegmenterDictionaryFile OUTPUT}.
 */
public final class SegmenterDictionaryFile {
  private SegmenterDictionaryFile() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: SegmenterDictionaryFile OUTPUT");
    }
    SegmenterDictionaries smartcn = SegmenterDictionaries.load("coredict.mem", "bigramdict.mem");
    if (smartcn == null) {
      throw new IllegalStateException("smartcn's dictionary files cannot be read");
    }
    Path out = Path.of(args[0]);
    Files.createDirectories(out.getParent());
    try (OutputStream stream = Files.newOutputStream(out)) {
      smartcn.writeCompact(stream);
    }
  }
}
