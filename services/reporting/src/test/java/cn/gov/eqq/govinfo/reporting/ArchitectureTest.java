package cn.gov.eqq.govinfo.reporting;

import cn.gov.eqq.govinfo.testsupport.architecture.ServiceShape;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Reporting has the one shape of a service; its domain also knows no document library. */
class ArchitectureTest {

    private static final String ROOT = "cn.gov.eqq.govinfo.reporting";

    @Test
    void reportingHasTheShapeOfAService() {
        ServiceShape.of(ROOT).check();
    }

    @Test
    void circularFiguresAndRulesKnowNoDocumentLibrary() {
        noClasses().that().resideInAPackage(ROOT + ".*.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.poi..")
                .because("通报的数字和规则与 Word/Excel 文件的写法无关，POI 只在 adapter.out.poi 中使用")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages(ROOT));
    }
}
