package dev.govern.core.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.govern.core.version.GoVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceReadersTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  @Test
  void goVersionFileGivesAnExactPin() throws Exception {
    Path p = write(".go-version", "# team pin\n\ngo1.22.4\n");
    VersionEvidence e = PinFileReader.read(p).orElseThrow();
    assertThat(e.kind()).isEqualTo(EvidenceKind.PIN);
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.version()).contains(GoVersion.parse("go1.22.4"));
    assertThat(e.floating()).isFalse();
  }

  @Test
  void toolVersionsReadsTheGolangLine() throws Exception {
    Path p = write(".tool-versions", "nodejs 20.1.0\ngolang 1.21.13 1.20.14 # main\n");
    VersionEvidence e = PinFileReader.read(p).orElseThrow();
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.version()).contains(GoVersion.parse("1.21.13"));
    assertThat(PinFileReader.read(write("x/.tool-versions", "nodejs 20\n"))).isEmpty();
  }

  @Test
  void dockerfileFollowsArgsContinuationsPlatformsAndIgnoresOtherImages() throws Exception {
    Path p =
        write(
            "Dockerfile",
            String.join(
                "\n",
                "ARG GO_VERSION=1.22.4",
                "FROM --platform=$BUILDPLATFORM golang:${GO_VERSION}-alpine AS build",
                "RUN go build ./...",
                "FROM docker.io/library/golang:1.21 as tools",
                "FROM \\",
                "  golang:1.20.14@sha256:0123 AS old",
                "FROM gcr.io/distroless/static:nonroot",
                "FROM example.com/golang:1.19 AS notours",
                "# FROM golang:1.1",
                "FROM golang"));
    List<VersionEvidence> found = DockerfileReader.read(p);
    assertThat(found).extracting(VersionEvidence::line).containsExactly(2, 4, 5, 10);
    assertThat(found.get(0).version()).contains(GoVersion.parse("1.22.4"));
    assertThat(found.get(0).floating()).isFalse();
    assertThat(found.get(0).text()).isEqualTo("golang:1.22.4-alpine");
    assertThat(found.get(1).version()).contains(GoVersion.parse("go1.21"));
    assertThat(found.get(1).floating()).isTrue();
    assertThat(found.get(2).version()).contains(GoVersion.parse("1.20.14"));
    assertThat(found.get(3).version()).isEmpty();
    assertThat(found.get(3).text()).isEqualTo("golang:latest");
  }

  @Test
  void recognisesDockerfileNames() {
    assertThat(DockerfileReader.isDockerfile("Dockerfile")).isTrue();
    assertThat(DockerfileReader.isDockerfile("Dockerfile.build")).isTrue();
    assertThat(DockerfileReader.isDockerfile("api.Dockerfile")).isTrue();
    assertThat(DockerfileReader.isDockerfile("docker-compose.yml")).isFalse();
  }

  @Test
  void setupGoReadsLiteralsMatricesAndVersionFiles() throws Exception {
    Path wf =
        write(
            ".github/workflows/ci.yml",
            String.join(
                "\n",
                "name: ci",
                "jobs:",
                "  test:",
                "    strategy:",
                "      matrix:",
                "        go: [ '1.21.x', \"1.22\" ]",
                "        os: [ubuntu-latest]",
                "    steps:",
                "      - uses: actions/checkout@v4",
                "      - uses: actions/setup-go@v5",
                "        with:",
                "          go-version: ${{ matrix.go }}",
                "      - name: pinned",
                "        with:",
                "          go-version: '1.22.4' # exact",
                "        uses: actions/setup-go@v5",
                "      - name: from file",
                "        uses: actions/setup-go@v5",
                "        with:",
                "          go-version-file: go.mod",
                "      - name: not setup-go",
                "        uses: actions/cache@v4",
                "        with:",
                "          go-version: 1.0"));
    assertThat(SetupGoReader.isWorkflow(wf)).isTrue();
    SetupGoReader.Result r = SetupGoReader.read(wf);
    assertThat(r.versions())
        .extracting(VersionEvidence::text)
        .containsExactly("1.21.x", "1.22", "1.22.4");
    assertThat(r.versions()).extracting(VersionEvidence::line).containsExactly(12, 12, 15);
    assertThat(r.versions().get(0).floating()).isTrue();
    assertThat(r.versions().get(2).floating()).isFalse();
    assertThat(r.versions().get(2).version()).contains(GoVersion.parse("1.22.4"));
    assertThat(r.versionFiles())
        .containsExactly(new SetupGoReader.VersionFileRef(wf, 20, "go.mod"));
  }

  @Test
  void setupGoReadsBlockMatrixLists() throws Exception {
    Path wf =
        write(
            ".github/workflows/m.yaml",
            String.join(
                "\n",
                "jobs:",
                "  t:",
                "    strategy:",
                "      matrix:",
                "        go-version:",
                "          - 1.20.14",
                "          - stable",
                "    steps:",
                "    - uses: 'actions/setup-go@v5'",
                "      with:",
                "        go-version: ${{ matrix.go-version }}"));
    SetupGoReader.Result r = SetupGoReader.read(wf);
    assertThat(r.versions()).extracting(VersionEvidence::text).containsExactly("1.20.14", "stable");
    assertThat(r.versions().get(1).version()).isEmpty();
    assertThat(r.versions().get(1).floating()).isTrue();
  }
}
