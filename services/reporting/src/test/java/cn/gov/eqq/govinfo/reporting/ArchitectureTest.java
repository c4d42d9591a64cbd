package cn.gov.eqq.govinfo.reporting;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The domain is plain Java; the outside depends on it, never the other way round. */
@AnalyzeClasses(packages = "cn.gov.eqq.govinfo.reporting", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainKnowsNoFramework = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.bson..", "com.mongodb..",
                    "org.apache.kafka..", "tools.jackson..", "com.fasterxml.jackson..", "org.apache.poi..",
                    "jakarta..", "cn.gov.eqq.govinfo.platform..", "cn.gov.eqq.govinfo.contracts..")
            .because("rules and figures must be testable and readable without Spring, Mongo, Kafka, Jackson or POI");

    @ArchTest
    static final ArchRule domainDependsOnNoAdapterOrApplication = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..adapter..", "..application..", "..config..");

    @ArchTest
    static final ArchRule applicationDependsOnNoAdapter = noClasses().that().resideInAPackage("..application..")
            .should().dependOnClassesThat().resideInAnyPackage("..adapter..");
}
