package dev.govern.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The core is a library: it knows nothing of the command line or of web frameworks. */
class ArchitectureTest {
  private final JavaClasses core =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.govern.core");

  @Test
  void coreDoesNotDependOnTheCommandLineOrWebFrameworks() {
    noClasses()
        .that()
        .resideInAPackage("dev.govern.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "picocli..",
            "dev.govern.cli..",
            "dev.govern.server..",
            "io.javalin..",
            "jakarta.servlet..",
            "javax.servlet..",
            "org.eclipse.jetty..",
            "org.springframework..")
        .check(core);
  }

  @Test
  void coreNeverExitsTheProcess() {
    noClasses()
        .that()
        .resideInAPackage("dev.govern.core..")
        .should()
        .callMethod(System.class, "exit", int.class)
        .check(core);
  }
}
