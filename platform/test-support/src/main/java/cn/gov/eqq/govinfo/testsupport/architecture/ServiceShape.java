package cn.gov.eqq.govinfo.testsupport.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

import java.util.List;
import java.util.Optional;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The one shape every service has, as ArchUnit rules. With {@code R} the service's root package:
 * <ul>
 *   <li>{@code R} holds only the {@code @SpringBootApplication} class; {@code R.config} holds the Spring wiring;</li>
 *   <li>everything else sits in a feature, by role: {@code R.<feature>.domain}, {@code R.<feature>.application},
 *       {@code R.<feature>.adapter.in.<kind>}, {@code R.<feature>.adapter.out.<kind>}; {@code R.shared} is the
 *       feature that every other feature may use;</li>
 *   <li>domain is plain Java (it may use the framework-free contracts, never the platform or a framework) and knows
 *       neither application, adapters nor config;</li>
 *   <li>application knows no Spring, no servlet and no HTTP problem type (it refuses with
 *       {@code platform.failure.UseCaseFailure}), nor adapters or config; its use cases are named for their job,
 *       never {@code *Service}/{@code *Manager}/{@code *Helper}, and take a command record rather than more than
 *       three values;</li>
 *   <li>{@code @Scheduled} triggers sit in {@code R.<feature>.adapter.in.scheduling};</li>
 *   <li>a feature never uses another feature's adapters (except {@code shared}'s), and features depend on each
 *       other without cycles.</li>
 * </ul>
 * A service runs it from its {@code R.ArchitectureTest}: {@code ServiceShape.of("cn.gov.eqq.govinfo.x").check()}.
 */
public final class ServiceShape {

    private static final String SPRING_BOOT_APPLICATION =
            "org.springframework.boot.autoconfigure.SpringBootApplication";
    private static final String SCHEDULED = "org.springframework.scheduling.annotation.Scheduled";
    private static final String SHARED = "shared";
    private static final String CONFIG = "config";
    private static final int MOST_VALUES_WITHOUT_A_COMMAND = 3;

    private final String root;

    private ServiceShape(String root) {
        this.root = root;
    }

    /** The shape of the service whose root package is {@code rootPackage}. */
    public static ServiceShape of(String rootPackage) {
        return new ServiceShape(rootPackage);
    }

    /** Checks the service's own (non-test) classes against every rule; fails with all violations at once. */
    public void check() {
        check(new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(root));
    }

    /** Checks the given classes against every rule; fails with the report of every broken rule at once. */
    public void check(JavaClasses classes) {
        List<String> reports = rules().stream()
                .map(rule -> rule.evaluate(classes))
                .filter(EvaluationResult::hasViolation)
                .map(result -> result.getFailureReport().toString())
                .toList();
        if (!reports.isEmpty()) {
            throw new AssertionError(String.join(System.lineSeparator() + System.lineSeparator(), reports));
        }
    }

    /** Every rule of the shape, for a service that wants to report them one by one. */
    public List<ArchRule> rules() {
        return List.of(
                rootHoldsOnlyTheApplicationClass(),
                everyClassSitsInAFeatureRoleOrConfig(),
                domainIsPlainJava(),
                domainKnowsNoOuterLayer(),
                applicationKnowsNoFrameworkNorHttp(),
                applicationKnowsNoAdapter(),
                useCasesAreNamedForTheirJob(),
                useCasesTakeCommandsForMoreThanThreeValues(),
                scheduledTriggersAreInboundAdapters(),
                featuresUseNoOtherFeaturesAdapters(),
                featuresAreFreeOfCycles());
    }

    public ArchRule rootHoldsOnlyTheApplicationClass() {
        return classes().that().resideInAPackage(root)
                .should(beOrBelongToTheApplicationClass())
                .allowEmptyShould(true)
                .because("一个服务的根包只放启动类（@SpringBootApplication），其余代码按功能和职责分包，"
                        + "读者才能在每个服务的同一位置找到同一类代码");
    }

    public ArchRule everyClassSitsInAFeatureRoleOrConfig() {
        return classes().that().resideInAPackage(root + "..")
                .and().resideOutsideOfPackage(root)
                .should().resideInAnyPackage(root + ".config..", root + ".*.domain..", root + ".*.application..",
                        root + ".*.adapter.in.*..", root + ".*.adapter.out.*..")
                .allowEmptyShould(true)
                .because("每个类都属于某个功能的 domain、application 或 adapter.in/out.<种类>，"
                        + "Spring 装配放在 config，这样每个服务的结构都一样");
    }

    public ArchRule domainIsPlainJava() {
        return noClasses().that().resideInAPackage(root + ".*.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "org.bson..", "com.mongodb..", "org.apache.kafka..",
                        "tools.jackson..", "com.fasterxml.jackson..", "jakarta..", "javax.servlet..",
                        "io.cloudevents..", "cn.gov.eqq.govinfo.platform..")
                .allowEmptyShould(true)
                .because("业务规则是纯 Java（可用框架无关的 contracts 值类型），不依赖 Spring、Mongo、Kafka、Jackson、"
                        + "Servlet、CloudEvents 或平台模块，才能脱离框架测试和阅读");
    }

    public ArchRule domainKnowsNoOuterLayer() {
        return noClasses().that().resideInAPackage(root + ".*.domain..")
                .should().dependOnClassesThat(insideTheServiceAnd(
                        "an application, adapter or config class or the application class",
                        c -> isRole(c, "application") || isRole(c, "adapter") || isConfig(c) || isRootClass(c)))
                .allowEmptyShould(true)
                .because("依赖只能由外向内：domain 不认识用例、适配器和装配");
    }

    public ArchRule applicationKnowsNoFrameworkNorHttp() {
        return noClasses().that().resideInAPackage(root + ".*.application..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "jakarta.servlet..", "javax.servlet..", "jakarta.ws..",
                        "cn.gov.eqq.govinfo.platform.problem..")
                .allowEmptyShould(true)
                .because("用例层不含 Spring 和 HTTP：拒绝用 platform.failure.UseCaseFailure 抛出，由 web 适配器译成"
                        + " RFC 9457 问题；用例由 config 中的 @Bean 方法装配");
    }

    public ArchRule applicationKnowsNoAdapter() {
        return noClasses().that().resideInAPackage(root + ".*.application..")
                .should().dependOnClassesThat(insideTheServiceAnd(
                        "an adapter or config class or the application class",
                        c -> isRole(c, "adapter") || isConfig(c) || isRootClass(c)))
                .allowEmptyShould(true)
                .because("用例只通过自己声明的端口（接口）使用外部，适配器实现端口，依赖方向由外向内");
    }

    public ArchRule useCasesAreNamedForTheirJob() {
        return noClasses().that().resideInAPackage(root + ".*.application..")
                .should().haveSimpleNameEndingWith("Service")
                .orShould().haveSimpleNameEndingWith("Manager")
                .orShould().haveSimpleNameEndingWith("Helper")
                .allowEmptyShould(true)
                .because("用例以它做的事命名（RecordingAdoptions、SubmittingItems），"
                        + "*Service/*Manager/*Helper 说不出它做什么");
    }

    public ArchRule useCasesTakeCommandsForMoreThanThreeValues() {
        return methods().that().areDeclaredInClassesThat().resideInAPackage(root + ".*.application..")
                .and().areDeclaredInClassesThat().areNotInterfaces()
                .and().areDeclaredInClassesThat().areNotRecords()
                .and().arePublic()
                .should(takeAtMost(MOST_VALUES_WITHOUT_A_COMMAND))
                .allowEmptyShould(true)
                .because("用例方法超过三个值时改收一个以祈使句命名的命令记录（SubmitItem、RecordAdoption），"
                        + "调用处才看得出每个值是什么");
    }

    public ArchRule scheduledTriggersAreInboundAdapters() {
        return methods().that().areAnnotatedWith(SCHEDULED)
                .and().areDeclaredInClassesThat().resideInAPackage(root + "..")
                .should().beDeclaredInClassesThat().resideInAPackage(root + ".*.adapter.in.scheduling..")
                .allowEmptyShould(true)
                .because("定时触发是一种入站适配器：它只调用用例，放在 adapter.in.scheduling");
    }

    public ArchRule featuresUseNoOtherFeaturesAdapters() {
        return classes().that().resideInAPackage(root + ".*..")
                .and().resideOutsideOfPackage(root + ".config..")
                .should(notUseAnotherFeaturesAdapters())
                .allowEmptyShould(true)
                .because("功能之间只能使用对方的 domain 和 application（端口、用例），不能使用对方的适配器"
                        + "（shared 的除外）");
    }

    public ArchRule featuresAreFreeOfCycles() {
        return slices().assignedFrom(byFeature()).should().beFreeOfCycles()
                .allowEmptyShould(true)
                .because("功能之间的依赖若成环，就无法单独理解或修改其中任何一个");
    }

    private boolean isRootClass(JavaClass c) {
        return c.getPackageName().equals(root);
    }

    private boolean isConfig(JavaClass c) {
        return c.getPackageName().equals(root + "." + CONFIG) || c.getPackageName().startsWith(root + "." + CONFIG + ".");
    }

    /** The feature a class of this service belongs to, empty for the root package, config and other code. */
    private Optional<String> featureOf(JavaClass c) {
        String name = c.getPackageName();
        if (!name.startsWith(root + ".")) {
            return Optional.empty();
        }
        String rest = name.substring(root.length() + 1);
        String feature = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
        return feature.equals(CONFIG) ? Optional.empty() : Optional.of(feature);
    }

    /** True if the class sits in {@code R.<feature>.<role>..}. */
    private boolean isRole(JavaClass c, String role) {
        Optional<String> feature = featureOf(c);
        if (feature.isEmpty()) {
            return false;
        }
        String prefix = root + "." + feature.get() + "." + role;
        return c.getPackageName().equals(prefix) || c.getPackageName().startsWith(prefix + ".");
    }

    private DescribedPredicate<JavaClass> insideTheServiceAnd(String description,
                                                             java.util.function.Predicate<JavaClass> test) {
        return DescribedPredicate.describe(description, test);
    }

    private ArchCondition<JavaClass> beOrBelongToTheApplicationClass() {
        return new ArchCondition<>("be the @SpringBootApplication class or one of its nested classes") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                JavaClass outermost = item;
                while (outermost.getEnclosingClass().isPresent()) {
                    outermost = outermost.getEnclosingClass().get();
                }
                boolean satisfied = outermost.isAnnotatedWith(SPRING_BOOT_APPLICATION);
                events.add(new SimpleConditionEvent(item, satisfied, item.getName()
                        + (satisfied ? " is" : " is not") + " the application class but sits in the root package "
                        + root));
            }
        };
    }

    private ArchCondition<JavaMethod> takeAtMost(int values) {
        return new ArchCondition<>("take at most " + values + " values") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                int count = method.getRawParameterTypes().size();
                boolean synthetic = method.getModifiers().contains(JavaModifier.SYNTHETIC)
                        || method.getModifiers().contains(JavaModifier.BRIDGE);
                boolean satisfied = synthetic || count <= values;
                events.add(new SimpleConditionEvent(method, satisfied, method.getFullName() + " takes " + count
                        + " values" + (satisfied ? "" : "; give it a command record instead")));
            }
        };
    }

    private ArchCondition<JavaClass> notUseAnotherFeaturesAdapters() {
        return new ArchCondition<>("not use another feature's adapters") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                Optional<String> own = featureOf(item);
                if (own.isEmpty()) {
                    return;
                }
                for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    Optional<String> theirs = featureOf(target);
                    if (theirs.isPresent() && !theirs.get().equals(own.get()) && !theirs.get().equals(SHARED)
                            && isRole(target, "adapter")) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()
                                + ": feature '" + own.get() + "' uses an adapter of feature '" + theirs.get() + "'"));
                    }
                }
            }
        };
    }

    private SliceAssignment byFeature() {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                return featureOf(javaClass).map(SliceIdentifier::of).orElse(SliceIdentifier.ignore());
            }

            @Override
            public String getDescription() {
                return "features of " + root;
            }
        };
    }
}
