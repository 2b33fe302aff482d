package io.github.bisearch.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Objects;

/**
 * How a file looked when it was indexed, to tell whether it must be read again: a file whose stamp
 * is the same as the recorded one would give the same entries.
 *
 * @param name the name hits show for the file (it is part of every entry read from it)
 * @param size the file's size in bytes
 * @param modified the file's last-modified time, as precise as the file system keeps it
 */
public record SourceStamp(String name, long size, Instant modified) {
  public SourceStamp {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(modified, "modified");
  }

  /**
   * The stamp of {@code file} as it is now, shown in hits as {@code name}. Taken before the file is
   * read, so that a change made while it is being read is seen the next time.
   */
  public static SourceStamp of(Path file, String name) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    return new SourceStamp(name, attributes.size(), attributes.lastModifiedTime().toInstant());
  }
}
