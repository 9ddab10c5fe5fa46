package dev.govern.core.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.govern.core.GovernException;
import dev.govern.core.archive.ArchiveEntry;
import dev.govern.core.archive.TarReader;
import dev.govern.core.artifact.binary.BuildInfo;
import dev.govern.core.artifact.binary.GoBinary;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Finds Go binaries inside container images: {@code docker save} tarballs (legacy {@code
 * <id>/layer.tar} layers or OCI {@code blobs/sha256/...}) and OCI image layout folders. Layers are
 * read as streams (gzip or plain); files that start like an executable are copied to a temporary
 * file, read, and deleted.
 *
 * <p>Only what a container of the image would see is reported ({@link ImageLayers}): a binary that
 * a later layer deletes (a {@code .wh.} whiteout, an opaque directory) or replaces is not. Layer
 * order comes from the image's manifest; a tarball without {@code manifest.json} is read in the
 * order its layers are stored.
 */
public final class ImageReader {
  /** Executables larger than this are not copied out of a layer. */
  public static final long MAX_BINARY = 1L << 30;

  private static final ObjectMapper JSON = new ObjectMapper();

  private ImageReader() {}

  /** A Go binary found in an image. */
  public record ImageBinary(String image, String layer, String path, BuildInfo info) {}

  /** Whether {@code dir} is an OCI image layout. */
  public static boolean isOciLayout(Path dir) {
    return Files.isRegularFile(dir.resolve("oci-layout"))
        && Files.isRegularFile(dir.resolve("index.json"));
  }

  /** Whether {@code file} is a tar whose first entries look like a saved image. */
  public static boolean looksLikeImageTar(Path file) {
    String n = file.getFileName().toString();
    if (!n.endsWith(".tar")) {
      return false;
    }
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      TarReader tar = new TarReader(in);
      for (int i = 0; i < 64; i++) {
        ArchiveEntry e = tar.next();
        if (e == null) {
          return false;
        }
        if (e.name().equals("manifest.json")
            || e.name().equals("oci-layout")
            || e.name().endsWith("/layer.tar")
            || e.name().startsWith("blobs/sha256/")) {
          return true;
        }
      }
      return false;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** The Go binaries of a {@code docker save} tarball, for each image it holds. */
  public static List<ImageBinary> fromTarball(Path file, Path scratch) {
    String fileName = file.getFileName().toString();
    Map<String, ImageLayers.Layer> layers = new LinkedHashMap<>();
    JsonNode manifest = null;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      TarReader tar = new TarReader(in);
      for (ArchiveEntry e = tar.next(); e != null; e = tar.next()) {
        if (e.type() != ArchiveEntry.Type.FILE) {
          continue;
        }
        if (e.name().equals("manifest.json")) {
          manifest = JSON.readTree(tar.data().readNBytes(1 << 20));
        } else if (e.name().endsWith(".tar") || e.name().startsWith("blobs/")) {
          ImageLayers.Layer layer = readLayer(tar.data(), e.name(), scratch);
          if (layer != null) {
            layers.put(e.name(), layer);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read image " + file + ": " + e.getMessage(), e);
    }
    List<ImageBinary> out = new ArrayList<>();
    if (manifest == null || !manifest.isArray() || manifest.isEmpty()) {
      visible(fileName, new ArrayList<>(layers.values()), out);
      return out;
    }
    for (JsonNode image : manifest) {
      List<ImageLayers.Layer> ordered = new ArrayList<>();
      for (JsonNode l : image.path("Layers")) {
        ImageLayers.Layer layer = layers.get(l.asText());
        if (layer != null) {
          ordered.add(layer);
        }
      }
      List<String> tags = new ArrayList<>();
      image.path("RepoTags").forEach(t -> tags.add(t.asText()));
      visible(tags.isEmpty() ? fileName : String.join(",", tags), ordered, out);
    }
    return out;
  }

  private static void visible(
      String image, List<ImageLayers.Layer> ordered, List<ImageBinary> out) {
    for (ImageLayers.Found f : ImageLayers.visible(ordered)) {
      out.add(new ImageBinary(image, f.layer(), "/" + f.path(), f.info()));
    }
  }

  /** The Go binaries of an OCI image layout folder (every layer blob of every manifest). */
  public static List<ImageBinary> fromOciLayout(Path dir, Path scratch) {
    List<ImageBinary> out = new ArrayList<>();
    try {
      JsonNode index = JSON.readTree(dir.resolve("index.json").toFile());
      for (JsonNode m : index.path("manifests")) {
        String name =
            m.path("annotations")
                .path("org.opencontainers.image.ref.name")
                .asText(dir.getFileName().toString());
        JsonNode manifest = JSON.readTree(blob(dir, m.path("digest").asText()).toFile());
        List<ImageLayers.Layer> ordered = new ArrayList<>();
        for (JsonNode layer : manifest.path("layers")) {
          Path blob = blob(dir, layer.path("digest").asText());
          try (InputStream in = new BufferedInputStream(Files.newInputStream(blob), 1 << 16)) {
            ImageLayers.Layer read = readLayer(in, layer.path("digest").asText(), scratch);
            if (read != null) {
              ordered.add(read);
            }
          }
        }
        visible(name, ordered, out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read OCI layout " + dir + ": " + e.getMessage(), e);
    }
    return out;
  }

  private static Path blob(Path dir, String digest) {
    int colon = digest.indexOf(':');
    if (colon < 0 || !digest.substring(colon + 1).matches("[0-9a-f]{32,128}")) {
      throw GovernException.invalidInput(dir + ": bad digest \"" + digest + "\"");
    }
    return dir.resolve("blobs")
        .resolve(digest.substring(0, colon))
        .resolve(digest.substring(colon + 1));
  }

  /** One layer's Go binaries, paths and deletions; null when the blob is not a tar. */
  private static ImageLayers.Layer readLayer(InputStream raw, String layer, Path scratch)
      throws IOException {
    InputStream in = new BufferedInputStream(raw, 1 << 16);
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    if (b0 == 0x1f && b1 == 0x8b) {
      in = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
    }
    TarReader tar = new TarReader(in);
    ArchiveEntry e;
    try {
      e = tar.next();
    } catch (IOException notATar) {
      return null; // a config blob or something else that is not a layer
    }
    ImageLayers.Layer found = new ImageLayers.Layer(layer);
    for (; e != null; e = tar.next()) {
      if (!found.record(e.name())
          || e.type() != ArchiveEntry.Type.FILE
          || e.size() < 64
          || e.size() > MAX_BINARY) {
        continue;
      }
      InputStream data = new BufferedInputStream(tar.data(), 1 << 16);
      data.mark(4);
      byte[] magic = data.readNBytes(4);
      data.reset();
      if (!looksExecutable(magic)) {
        continue;
      }
      Path tmp = Files.createTempFile(scratch, "image-bin", ".tmp");
      try {
        try (OutputStream o = Files.newOutputStream(tmp)) {
          data.transferTo(o);
        }
        try (GoBinary bin = GoBinary.open(tmp, e.name())) {
          found.binary(e.name(), bin.buildInfo());
        } catch (GovernException notGo) {
          // an executable, but not a Go one
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
    return found;
  }

  /** ELF, PE (MZ) or Mach-O (thin or fat) magic. */
  static boolean looksExecutable(byte[] m) {
    if (m.length < 4) {
      return false;
    }
    int be = (m[0] & 0xff) << 24 | (m[1] & 0xff) << 16 | (m[2] & 0xff) << 8 | (m[3] & 0xff);
    return be == 0x7F454C46
        || (m[0] == 'M' && m[1] == 'Z')
        || be == 0xFEEDFACE
        || be == 0xFEEDFACF
        || be == 0xCEFAEDFE
        || be == 0xCFFAEDFE
        || be == 0xCAFEBABE;
  }
}
