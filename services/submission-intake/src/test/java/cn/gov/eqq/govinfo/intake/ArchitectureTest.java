package cn.gov.eqq.govinfo.intake;

import cn.gov.eqq.govinfo.testsupport.architecture.ServiceShape;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** Intake has the shape of every service (test-support's {@link ServiceShape}), and keeps its controllers private. */
class ArchitectureTest {

    private static final String ROOT = "cn.gov.eqq.govinfo.intake";

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void intakeHasTheShapeOfEveryService() {
        ServiceShape.of(ROOT).check(classes);
    }

    @Test
    void controllersArePackagePrivate() {
        classes().that().areAnnotatedWith(RestController.class)
                .should().notBePublic()
                .because("控制器只由 Spring 调用，包外的代码应当使用用例而不是控制器")
                .check(classes);
    }
}
