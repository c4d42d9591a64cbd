package cn.gov.eqq.govinfo.commission.tasking.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The domain is plain Java; the application does not know the adapters. */
@AnalyzeClasses(packages = "cn.gov.eqq.govinfo.commission", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsFreeOfFrameworks = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.bson..", "com.mongodb..", "org.apache.kafka..",
                    "tools.jackson..", "com.fasterxml.jackson..", "jakarta..", "cn.gov.eqq.govinfo.platform..",
                    "cn.gov.eqq.govinfo.contracts..")
            .because("the rules of commissions are plain Java, testable without any framework");

    @ArchTest
    static final ArchRule domainDoesNotKnowTheOuterLayers = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..application..", "..adapter..", "..config..");

    @ArchTest
    static final ArchRule applicationDoesNotKnowTheAdapters = noClasses().that().resideInAPackage("..application..")
            .should().dependOnClassesThat().resideInAnyPackage("..adapter..", "..config..");
}
