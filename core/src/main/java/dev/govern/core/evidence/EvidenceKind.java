package dev.govern.core.evidence;

/**
 * Where a statement about a Go version came from, ranked by how much it says about the Go that
 * actually builds or runs the code (higher is stronger).
 */
public enum EvidenceKind {
  /** The Go version recorded in a built binary's build info: the truth about shipped code. */
  BINARY("binary build info", 100),
  /** A Go binary found inside a container image. */
  IMAGE("container image", 90),
  /** {@code FROM golang:<tag>} in a Dockerfile: the Go that builds the image. */
  DOCKERFILE("Dockerfile", 80),
  /** {@code actions/setup-go} in a GitHub Actions workflow: the Go that CI uses. */
  CI("GitHub Actions setup-go", 80),
  /** {@code .go-version} or {@code .tool-versions}: the Go govern (and goenv, asdf) runs here. */
  PIN("version pin file", 70),
  /** The toolchain govern runs here by machine state: the global default or GOVERN_GO_VERSION. */
  LOCAL("toolchain govern runs here", 60),
  /** The {@code toolchain} line of go.mod or go.work: the preferred toolchain. */
  TOOLCHAIN_LINE("go.mod toolchain line", 50),
  /** The {@code go} line of go.mod or go.work: only a minimum, not the Go that builds. */
  GO_LINE("go.mod go line (minimum)", 20);

  private final String label;
  private final int confidence;

  EvidenceKind(String label, int confidence) {
    this.label = label;
    this.confidence = confidence;
  }

  public String label() {
    return label;
  }

  public int confidence() {
    return confidence;
  }
}
