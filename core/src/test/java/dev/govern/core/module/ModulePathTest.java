package dev.govern.core.module;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ModulePathTest {

  @Test
  void splitsMajorVersionSuffixes() {
    assertThat(ModulePath.split("example.com/mod/v2"))
        .isEqualTo(new ModulePath("example.com/mod", "/v2"));
    assertThat(ModulePath.split("example.com/mod"))
        .isEqualTo(new ModulePath("example.com/mod", ""));
    assertThat(ModulePath.split("gopkg.in/yaml.v3"))
        .isEqualTo(new ModulePath("gopkg.in/yaml", ".v3"));
    assertThat(ModulePath.split("gopkg.in/check.v1-unstable").pathMajor())
        .isEqualTo(".v1-unstable");
    for (String bad :
        new String[] {"example.com/v1", "example.com/v0", "example.com/v2.1", "gopkg.in/yaml"}) {
      assertThat(ModulePath.split(bad)).as(bad).isNull();
    }
  }

  @Test
  void checksVersionsAgainstTheMajorSuffix() {
    assertThat(ModulePath.split("example.com/mod/v2").checkMajor("v2.1.0")).isNull();
    assertThat(ModulePath.split("example.com/mod/v2").checkMajor("v1.0.0"))
        .isEqualTo("should be v2, not v1");
    assertThat(ModulePath.split("example.com/mod").checkMajor("v2.0.0"))
        .isEqualTo("should be v0 or v1, not v2");
    assertThat(ModulePath.split("example.com/mod").checkMajor("v2.0.0+incompatible")).isNull();
    assertThat(
            ModulePath.split("gopkg.in/check.v1").checkMajor("v0.0.0-20161208181325-20d25e280405"))
        .isNull();
    assertThat(ModulePath.split("gopkg.in/yaml.v3").checkMajor("v3.0.1")).isNull();
  }
}
