package cn.college.disclosure.contract;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(
        packages = "cn.college.disclosure.contract",
        importOptions = ImportOption.DoNotIncludeTests.class)
class ContractArchitectureTests {

    @ArchTest
    static final ArchRule hasNoSpring =
            noClasses()
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            "org.springframework..", "tools.jackson..", "com.fasterxml..")
                    .because("both sides read the contract; it must not drag a framework along");

    @ArchTest
    static final ArchRule eventsAreRecords =
            classes()
                    .that()
                    .implement(PublicationEvent.class)
                    .should()
                    .beRecords()
                    .andShould()
                    .haveSimpleNameNotEndingWith("Event");
}
