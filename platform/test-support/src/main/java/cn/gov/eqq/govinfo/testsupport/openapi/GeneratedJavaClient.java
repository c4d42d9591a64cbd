package cn.gov.eqq.govinfo.testsupport.openapi;

import tools.jackson.databind.json.JsonMapper;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Java client the city would generate from a service's OpenAPI document: openapi-generator 7.17
 * ({@code -g java --library native}, the generator's own command line run as a child process so its dependency
 * tree stays off the test's classpath), compiled with {@code javax.tools}. Several services' clients are made by
 * one generator process and one compilation (they share the classes directory
 * {@code target/generated-client/classes}). Generation or compilation that fails
 * throws an {@link AssertionError} naming the generator's log or the first compiler errors.
 *
 * <p>The generator and the jars the generated code needs besides Jackson (which every service's test classpath
 * has) are plain files in {@code target/openapi-generator}, copied there by the {@code openapi-generator} execution
 * of {@code maven-dependency-plugin} (declared once in the root pom; a module switches it on).
 */
public final class GeneratedJavaClient {

    /** Where the module's build copied the generator and the client's extra jars. */
    public static final Path TOOLS = Path.of("target", "openapi-generator");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String service;
    private final Path classes;
    private final List<String> sourceNames;

    private GeneratedJavaClient(String service, Path classes, List<String> sourceNames) {
        this.service = service;
        this.classes = classes;
        this.sourceNames = sourceNames;
    }

    /**
     * Generates the client of {@code spec} into {@code target/generated-client/<service>} with the API classes in
     * {@code cn.gov.eqq.city.<service>.api}, the models in {@code ….model} and {@code ApiClient} in
     * {@code ….client}, and compiles it (with {@code -parameters}, so a caller can match arguments by name).
     *
     * @param service a Java identifier: {@code intake}, {@code adoption}, {@code commission}, {@code scoring},
     *                {@code reporting}
     */
    public static GeneratedJavaClient generateAndCompile(String service, byte[] spec) {
        return generateAndCompile(Map.of(service, spec)).get(service);
    }

    /**
     * {@link #generateAndCompile(String, byte[])} for several services at once: one generator process (its
     * {@code batch} command) and one compilation, which costs little more than one service alone.
     */
    public static Map<String, GeneratedJavaClient> generateAndCompile(Map<String, byte[]> specs) {
        try {
            Path root = Path.of("target", "generated-client").toAbsolutePath();
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    TOOLS.resolve("openapi-generator-cli.jar").toString(), "batch", "--fail-fast", "--threads", "1"));
            for (Map.Entry<String, byte[]> spec : new TreeMap<>(specs).entrySet()) {
                String service = spec.getKey();
                Path out = root.resolve(service);
                deleteRecursively(out);
                Files.createDirectories(out);
                Path specFile = out.resolve(service + ".json");
                Files.write(specFile, spec.getValue());
                Path config = out.resolve("generator-config.json");
                Files.writeString(config, JSON.writeValueAsString(Map.of(
                        "inputSpec", specFile.toString(), "generatorName", "java", "library", "native",
                        "outputDir", out.resolve("client").toString(),
                        "apiPackage", "cn.gov.eqq.city." + service + ".api",
                        "modelPackage", "cn.gov.eqq.city." + service + ".model",
                        "invokerPackage", "cn.gov.eqq.city." + service + ".client",
                        "additionalProperties", Map.of("useJakartaEe", true, "hideGenerationTimestamp", true),
                        // the client only: no generated tests or docs to write
                        "globalProperties", Map.of("apiTests", "false", "modelTests", "false", "apiDocs", "false",
                                "modelDocs", "false"))));
                command.add(config.toString());
            }
            Files.createDirectories(root);
            Path log = root.resolve("generator-" + String.join("-", new TreeMap<>(specs).keySet()) + ".log");
            Process generator = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            if (!generator.waitFor(10, TimeUnit.MINUTES)) {
                generator.destroyForcibly();
                throw new AssertionError("openapi-generator did not finish in 10 minutes for " + specs.keySet());
            }
            if (generator.exitValue() != 0) {
                throw new AssertionError("openapi-generator failed for " + specs.keySet() + ":\n"
                        + Files.readString(log));
            }
            Map<String, GeneratedJavaClient> clients = new TreeMap<>();
            List<File> allSources = new ArrayList<>();
            for (String service : specs.keySet()) {
                Path out = root.resolve(service);
                List<File> sources;
                try (Stream<Path> files = Files.walk(out.resolve("client").resolve("src").resolve("main"))) {
                    sources = files.filter(f -> f.toString().endsWith(".java")).map(Path::toFile).toList();
                }
                allSources.addAll(sources);
                clients.put(service, new GeneratedJavaClient(service, root.resolve("classes"),
                        sources.stream().map(File::getName).sorted().toList()));
            }
            deleteRecursively(root.resolve("classes"));
            Files.createDirectories(root.resolve("classes"));
            compile(specs.keySet().toString(), allSources, root.resolve("classes"));
            return clients;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void compile(String service, List<File> sources, Path classes) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        String classpath = Stream.concat(Stream.of(System.getProperty("java.class.path")),
                extraJars().stream().map(Path::toString)).collect(Collectors.joining(File.pathSeparator));
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
            boolean compiled = javac.getTask(null, files, diagnostics, List.of("-classpath", classpath, "-d",
                    classes.toString(), "-proc:none", "-nowarn", "-parameters"), null,
                    files.getJavaFileObjectsFromFiles(sources)).call();
            if (!compiled) {
                throw new AssertionError("the generated client of " + service + " does not compile:\n"
                        + diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                        .map(Object::toString).limit(20).collect(Collectors.joining("\n")));
            }
        }
    }

    /** The jars in {@link #TOOLS} other than the generator: what the generated client needs at run time too. */
    public static List<Path> extraJars() throws IOException {
        try (Stream<Path> jars = Files.list(TOOLS)) {
            return jars.filter(p -> p.toString().endsWith(".jar"))
                    .filter(p -> !p.getFileName().toString().startsWith("openapi-generator-cli")).sorted().toList();
        }
    }

    public String service() {
        return service;
    }

    /** The compiled classes of the generated client. */
    public Path classes() {
        return classes;
    }

    /** The file names of the generated sources ({@code CircularControllerApi.java}, {@code Problem.java}, …). */
    public List<String> sourceNames() {
        return sourceNames;
    }

    /** A class loader that sees the compiled client and its extra jars, then {@code parent}. */
    public URLClassLoader classLoader(ClassLoader parent) {
        try {
            List<URL> urls = new ArrayList<>();
            urls.add(classes.toUri().toURL());
            for (Path jar : extraJars()) {
                urls.add(jar.toUri().toURL());
            }
            return new URLClassLoader(urls.toArray(URL[]::new), parent);
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
