package dev.govern.core.archive;

import java.io.IOException;
import java.io.InputStream;

/** Entries of an archive, one at a time, each with its data. */
public interface EntrySource {
  /** The next entry, or null at the end of the archive. */
  ArchiveEntry next() throws IOException;

  /** The data of the entry last returned by {@link #next()}; read at most its size. */
  InputStream data() throws IOException;
}
