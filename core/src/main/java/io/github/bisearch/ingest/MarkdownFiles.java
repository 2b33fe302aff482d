package io.github.bisearch.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Finds markdown files under folders and reads them as text. */
public final class MarkdownFiles {
  /** Where relative file names in hits start from. */
  private static final Path WORKING_DIRECTORY = Path.of("").toAbsolutePath();

  private static final List<String> EXTENSIONS = List.of(".md", ".markdown", ".mdown", ".mkd");

  /** A NUL byte this early means a binary file, whatever its name says. */
  private static final int BINARY_PROBE = 8192;

  private MarkdownFiles() {}

  /** Text read from a file, and what was wrong with it, if anything. */
  public record Content(String text, String problem) {}

  /**
   * The markdown files at {@code path}: the file itself, or every markdown file below a folder
   * (hidden folders skipped), in a stable order.
   *
   * @throws NoSuchFileException if {@code path} does not exist
   */
  public static List<Path> find(Path path) throws IOException {
    if (!Files.exists(path)) {
      throw new NoSuchFileException(path.toString());
    }
    if (!Files.isDirectory(path)) {
      return List.of(path);
    }
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(path)) {
      walk.filter(p -> Files.isRegularFile(p) && isMarkdown(p) && !isHidden(path, p))
          .sorted()
          .forEach(files::add);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return files;
  }

  static boolean isMarkdown(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return EXTENSIONS.stream().anyMatch(name::endsWith);
  }

  private static boolean isHidden(Path root, Path file) {
    for (Path part : root.relativize(file)) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reads {@code file} as UTF-8 (UTF-16 when it starts with a UTF-16 byte order mark). Returns null
   * text for a binary file; invalid bytes are replaced with U+FFFD and reported.
   */
  public static Content read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    Charset charset = StandardCharsets.UTF_8;
    int skip = 0;
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
      charset = StandardCharsets.UTF_16BE;
      skip = 2;
    } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
      charset = StandardCharsets.UTF_16LE;
      skip = 2;
    } else {
      for (int i = 0; i < Math.min(bytes.length, BINARY_PROBE); i++) {
        if (bytes[i] == 0) {
          return new Content(null, "binary file, skipped");
        }
      }
    }
    ByteBuffer input = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
    try {
      CharsetDecoder strict =
          charset
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      return new Content(strict.decode(input).toString(), null);
    } catch (CharacterCodingException e) {
      input.rewind();
      CharBuffer lenient =
          charset
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPLACE)
              .onUnmappableCharacter(CodingErrorAction.REPLACE)
              .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip));
      return new Content(
          lenient.toString(), "invalid " + charset.name() + ", bad bytes replaced with U+FFFD");
    }
  }

  /**
   * How hits name {@code file}: relative to the working directory when it is below it, absolute
   * otherwise, with {@code /} as separator.
   */
  public static String displayName(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    Path shown =
        absolute.startsWith(WORKING_DIRECTORY) ? WORKING_DIRECTORY.relativize(absolute) : absolute;
    return shown.toString().replace('\\', '/');
  }
}
