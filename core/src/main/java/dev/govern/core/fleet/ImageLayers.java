package dev.govern.core.fleet;

import dev.govern.core.artifact.binary.BuildInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The union file system of an image's layers, as far as the scan needs it: which of the Go binaries
 * found in the layers a container would see. An upper layer hides a lower layer's file when it has
 * an entry at the same path, a whiteout ({@code dir/.wh.name}) of the file or of a folder above it,
 * or an opaque marker ({@code dir/.wh..wh..opq}) on a folder above it (the OCI image layer
 * specification, which docker's layers follow).
 */
final class ImageLayers {
  static final String WHITEOUT = ".wh.";
  static final String OPAQUE = ".wh..wh..opq";

  private ImageLayers() {}

  /**
   * A Go binary a container of the image sees: its layer, path (no leading slash) and build info.
   */
  record Found(String layer, String path, BuildInfo info) {}

  /** One layer as read: every path it has, what it deletes below it, and its Go binaries. */
  static final class Layer {
    final String name;
    final Set<String> paths = new HashSet<>();
    final Set<String> whiteouts = new HashSet<>();
    final Set<String> opaque = new HashSet<>();
    final List<Found> binaries = new ArrayList<>();

    Layer(String name) {
      this.name = name;
    }

    /**
     * Notes an entry of the layer; returns false for whiteout markers, which are not files a
     * container sees.
     */
    boolean record(String entryName) {
      String path = normalize(entryName);
      int slash = path.lastIndexOf('/');
      String dir = slash < 0 ? "" : path.substring(0, slash);
      String base = path.substring(slash + 1);
      if (base.equals(OPAQUE)) {
        opaque.add(dir);
        return false;
      }
      if (base.startsWith(WHITEOUT)) {
        String deleted = base.substring(WHITEOUT.length());
        whiteouts.add(dir.isEmpty() ? deleted : dir + "/" + deleted);
        return false;
      }
      paths.add(path);
      return true;
    }

    void binary(String entryName, BuildInfo info) {
      binaries.add(new Found(name, normalize(entryName), info));
    }

    /** Whether this layer, above a file at {@code path}, hides it. */
    boolean hides(String path) {
      if (paths.contains(path)) {
        return true;
      }
      for (String p = path; ; ) {
        if (whiteouts.contains(p)) {
          return true;
        }
        int slash = p.lastIndexOf('/');
        String parent = slash < 0 ? "" : p.substring(0, slash);
        if (opaque.contains(parent)) {
          return true;
        }
        if (slash < 0) {
          return false;
        }
        p = parent;
      }
    }
  }

  /** The binaries of {@code layers} (bottom first) that no layer above them hides. */
  static List<Found> visible(List<Layer> layers) {
    List<Found> out = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      for (Found f : layers.get(i).binaries) {
        boolean hidden = false;
        for (int j = i + 1; j < layers.size() && !hidden; j++) {
          hidden = layers.get(j).hides(f.path());
        }
        if (!hidden) {
          out.add(f);
        }
      }
    }
    return out;
  }

  /** A tar entry name as a path below the image root: no "./" or "/" in front, none behind. */
  static String normalize(String entryName) {
    String p = entryName;
    while (p.startsWith("./") || p.startsWith("/")) {
      p = p.startsWith("./") ? p.substring(2) : p.substring(1);
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }
}
