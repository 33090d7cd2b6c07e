package org.homeward.app;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.homeward.query.audit.AuditReads;
import org.homeward.refusal.Refusal;
import org.junit.jupiter.api.Test;

/** The module boundaries (docs/architecture.md), enforced on the compiled classes of all modules together. */
class ArchitectureTest {

    private static final String[] SIDES = {"org.homeward.command..", "org.homeward.query..", "org.homeward.app.."};

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

    /** Every package of the contract: access, audit, event, journey, outcome, privacy, program, refusal. */
    @Test
    void sharedContractDependsOnNoSideAndNoFramework() {
        noClasses().that().resideInAPackage("org.homeward..").and().resideOutsideOfPackages(SIDES)
                   .should().dependOnClassesThat()
                   .resideInAnyPackage("org.homeward.command..", "org.homeward.query..", "org.homeward.app..",
                                       "org.springframework..", "tools.jackson..", "java.sql..")
                   .check(classes);
    }

    /** Refusals are answered by their kind, so the answers cannot depend on which side raised one. */
    @Test
    void problemAnswersKnowNoSide() {
        noClasses().that().resideInAPackage("org.homeward.app.problems..")
                   .should().dependOnClassesThat().resideInAnyPackage("org.homeward.command..", "org.homeward.query..")
                   .check(classes);
    }

    /** An exception a side raises on purpose carries its kind; anything else would be answered 500. */
    @Test
    void everyExceptionOfASideIsARefusal() {
        classes().that().resideInAnyPackage("org.homeward.command..", "org.homeward.query..")
                 .and().areAssignableTo(RuntimeException.class)
                 .should().beAssignableTo(Refusal.class)
                 .check(classes);
    }

    /**
     * The read models stand side by side: each reads the event log and its own tables, never another's code. The
     * one seam: whoever reads a person's data records the read in the read audit.
     */
    @Test
    void readModelsDoNotReachIntoEachOther() {
        List<String> models = List.of("timeline", "caseload", "programs", "outcomes", "audit", "catalogue");
        for (String model : models) {
            String[] others = models.stream().filter(other -> !other.equals(model))
                                    .map(other -> "org.homeward.query." + other + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage("org.homeward.query." + model + "..")
                       .should().dependOnClassesThat(resideInAnyPackage(others)
                                                             .and(not(equivalentTo(AuditReads.class))))
                       .check(classes);
        }
    }
}
