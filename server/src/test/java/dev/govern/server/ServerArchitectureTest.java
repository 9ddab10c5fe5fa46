package dev.govern.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/**
 * The server depends on core, never on the command line; SQL lives in the DAOs of {@code db}; the
 * HTTP layer stays in {@code api}.
 */
class ServerArchitectureTest {
  private final JavaClasses server =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.govern.server");

  @Test
  void theServerKnowsNothingOfTheCommandLine() {
    noClasses()
        .that()
        .resideInAPackage("dev.govern.server..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.govern.cli..", "picocli..")
        .check(server);
  }

  @Test
  void onlyDaosWriteSql() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.govern.server.db..")
        .should()
        .callMethodWhere(
            com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                com.tngtech.archunit.base.DescribedPredicate.describe(
                    "a Handle's SQL statement",
                    t ->
                        t.getOwner().isEquivalentTo(Handle.class)
                            && (t.getName().startsWith("create")
                                || t.getName().equals("prepareBatch")
                                || t.getName().equals("execute")))))
        .check(server);
  }

  @Test
  void onlyTheApiAndTheServerKnowJavalin() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.govern.server.db..", "dev.govern.server.ledger..", "dev.govern.server.auth..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.javalin..", "org.eclipse.jetty..", "jakarta.servlet..")
        .check(server);
  }
}
