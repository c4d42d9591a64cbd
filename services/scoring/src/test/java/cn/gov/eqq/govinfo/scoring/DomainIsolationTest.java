package cn.gov.eqq.govinfo.scoring;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The scoring rules stay plain Java: no framework may reach into the domain, and of the contracts only the calendar
 * (the one Beijing-time period type).
 */
@AnalyzeClasses(packages = "cn.gov.eqq.govinfo.scoring", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainIsolationTest {

    @ArchTest
    static final ArchRule domainIsFreeOfFrameworks = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat(resideInAnyPackage(
                    "org.springframework..", "org.bson..", "com.mongodb..", "org.apache.kafka..",
                    "tools.jackson..", "com.fasterxml.jackson..", "jakarta..", "cn.gov.eqq.govinfo.platform..")
                    .or(resideInAPackage("cn.gov.eqq.govinfo.contracts..")
                            .and(not(resideInAPackage("cn.gov.eqq.govinfo.contracts.calendar"))))
                    .as("frameworks, the platform or the contracts beyond the calendar"));

    @ArchTest
    static final ArchRule domainDoesNotKnowTheAdapters = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..adapter..", "..application..", "..config..");

    @ArchTest
    static final ArchRule applicationDoesNotKnowTheAdapters = noClasses().that().resideInAPackage("..application..")
            .should().dependOnClassesThat().resideInAnyPackage("..adapter..", "..config..");
}
