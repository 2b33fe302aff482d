package io.github.bisearch.index;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;

/**
 * An index's latest commit as one stream of bytes: the files that make it up, each as its name,
 * length and content. A program can ship an index built ahead of time as one resource and open it
 * in memory, without analyzing a single document at start-up.
 */
final class IndexSnapshot {
  /** Changes whenever the layout below does. */
  private static final String FORMAT = "bisearch index snapshot 1";

  private static final int BUFFER = 64 * 1024;

  private IndexSnapshot() {}

  /** Writes the files of {@code directory}'s latest commit to {@code out}. */
  static void write(Directory directory, OutputStream out) throws IOException {
    List<String> files = new ArrayList<>(SegmentInfos.readLatestCommit(directory).files(true));
    DataOutputStream data = new DataOutputStream(out);
    data.writeUTF(FORMAT);
    data.writeInt(files.size());
    byte[] buffer = new byte[BUFFER];
    for (String file : files) {
      try (IndexInput input = directory.openInput(file, IOContext.READONCE)) {
        long length = input.length();
        data.writeUTF(file);
        data.writeLong(length);
        for (long left = length; left > 0; ) {
          int n = (int) Math.min(left, buffer.length);
          input.readBytes(buffer, 0, n);
          data.write(buffer, 0, n);
          left -= n;
        }
      }
    }
    data.flush();
  }

  /**
   * Reads a snapshot written by {@link #write} into a new in-memory directory.
   *
   * @throws IOException if {@code in} is not such a snapshot or ends early
   */
  static ByteBuffersDirectory read(InputStream in) throws IOException {
    try {
      return readFiles(new DataInputStream(in));
    } catch (EOFException e) {
      throw new IOException("not a bisearch index snapshot, or a truncated one", e);
    }
  }

  private static ByteBuffersDirectory readFiles(DataInputStream data) throws IOException {
    if (!data.readUTF().equals(FORMAT)) {
      throw new IOException("not a bisearch index snapshot");
    }
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    int count = data.readInt();
    byte[] buffer = new byte[BUFFER];
    for (int i = 0; i < count; i++) {
      String file = data.readUTF();
      long length = data.readLong();
      try (IndexOutput output = directory.createOutput(file, IOContext.DEFAULT)) {
        for (long left = length; left > 0; ) {
          int n = (int) Math.min(left, buffer.length);
          data.readFully(buffer, 0, n);
          output.writeBytes(buffer, 0, n);
          left -= n;
        }
      }
    }
    return directory;
  }
}
