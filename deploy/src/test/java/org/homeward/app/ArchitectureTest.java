package org.homeward.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The module boundaries of DESIGN.md, enforced on the compiled classes of all modules together. */
class ArchitectureTest {

    private static final String[] SHARED = {"org.homeward.journey.."};

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.homeward");

    @Test
    void commandSideNeverReadsTheQuerySide() {
        noClasses().that().resideInAPackage("org.homeward.command..")
                   .should().dependOnClassesThat().resideInAPackage("org.homeward.query..")
                   .check(classes);
    }

    @Test
    void querySideNeverReachesIntoTheCommandSide() {
        noClasses().that().resideInAPackage("org.homeward.query..")
                   .should().dependOnClassesThat().resideInAPackage("org.homeward.command..")
                   .check(classes);
    }

    @Test
    void sharedContractDependsOnNoSideAndNoFramework() {
        noClasses().that().resideInAnyPackage(SHARED)
                   .should().dependOnClassesThat()
                   .resideInAnyPackage("org.homeward.command..", "org.homeward.query..", "org.homeward.app..",
                                       "org.springframework..", "tools.jackson..", "java.sql..")
                   .check(classes);
    }
}
