package dev.govern.core.toolchain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoModToolchainLineTest {
  @Test
  void replacesOnlyTheVersionWordOfAnExistingLine() {
    String before = "module m\r\n\r\ngo 1.21\r\n\r\ntoolchain go1.21.0 // keep\r\nrequire x v1\r\n";
    assertThat(GoModToolchainLine.set(before, "go1.22.4"))
        .isEqualTo("module m\r\n\r\ngo 1.21\r\n\r\ntoolchain go1.22.4 // keep\r\nrequire x v1\r\n");
  }

  @Test
  void insertsAfterTheGoLineWithTheFilesLineEnding() {
    String before = "module m\n\ngo 1.22\n\nrequire (\n\tx v1\n)\n";
    assertThat(GoModToolchainLine.set(before, "go1.22.4"))
        .isEqualTo("module m\n\ngo 1.22\ntoolchain go1.22.4\n\nrequire (\n\tx v1\n)\n");
  }

  @Test
  void insertsAfterTheModuleLineWhenThereIsNoGoLine() {
    assertThat(GoModToolchainLine.set("module m", "go1.22.4"))
        .isEqualTo("module m\ntoolchain go1.22.4\n");
  }

  @Test
  void readsTheFirstToolchainLine() {
    assertThat(GoModToolchainLine.read("module m\ngo 1.21\n  toolchain go1.21.3\n"))
        .isEqualTo("go1.21.3");
    assertThat(GoModToolchainLine.read("module m\n// toolchain go1.2\n")).isNull();
  }
}
