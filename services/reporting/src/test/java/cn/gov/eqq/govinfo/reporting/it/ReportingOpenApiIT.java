package cn.gov.eqq.govinfo.reporting.it;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The OpenAPI document reporting serves is one a generator can use: titled, the gateway, OAuth2, JSON, binary; and
 * the city's generator (openapi-generator, {@code -g java --library native}) makes a Java client of it that compiles.
 */
class ReportingOpenApiIT extends ReportingStack {

    static final Path TOOLS = Path.of("target", "openapi-generator");

    @Test
    void openapiGeneratorsJavaClientOfTheServiceCompiles() throws Exception {
        Path out = Path.of("target", "generated-client", "reporting");
        Path spec = out.resolve("reporting.json");
        Files.createDirectories(out);
        Files.write(spec, mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process generator = new ProcessBuilder(java.toString(), "-jar",
                TOOLS.resolve("openapi-generator-cli.jar").toString(), "generate", "-i", spec.toString(),
                "-g", "java", "--library", "native", "-o", out.resolve("client").toString(),
                "--api-package", "cn.gov.eqq.city.reporting.api", "--model-package", "cn.gov.eqq.city.reporting.model",
                "--additional-properties", "useJakartaEe=true,hideGenerationTimestamp=true")
                .redirectErrorStream(true).redirectOutput(out.resolve("generator.log").toFile()).start();
        assertThat(generator.waitFor(5, TimeUnit.MINUTES)).as("generator finished").isTrue();
        assertThat(generator.exitValue()).as(Files.readString(out.resolve("generator.log"))).isZero();

        List<File> sources;
        try (Stream<Path> files = Files.walk(out.resolve("client").resolve("src").resolve("main"))) {
            sources = files.filter(f -> f.toString().endsWith(".java")).map(Path::toFile).toList();
        }
        assertThat(sources).extracting(File::getName).contains("DashboardFeedControllerApi.java",
                "CircularControllerApi.java", "Problem.java");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Path classes = out.resolve("classes");
        Files.createDirectories(classes);
        String classpath = System.getProperty("java.class.path") + File.pathSeparator
                + TOOLS.resolve("jackson-databind-nullable.jar") + File.pathSeparator
                + TOOLS.resolve("jackson-datatype-jsr310.jar");
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
            boolean compiled = javac.getTask(null, files, diagnostics, List.of("-classpath", classpath, "-d",
                    classes.toString(), "-proc:none", "-nowarn"), null, files.getJavaFileObjectsFromFiles(sources))
                    .call();
            assertThat(compiled).as(diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR).map(Object::toString).limit(20).toList()
                    .toString()).isTrue();
        }
    }

    @Test
    void theServedDocumentDescribesTheApiAsAClientGeneratorNeedsIt() throws Exception {
        JsonNode api = codec.tree(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(api.get("info").get("title").asString()).startsWith("政务信息通报与考评 reporting");
        assertThat(api.get("info").get("version").asString()).isEqualTo("1.0");
        assertThat(api.get("servers").get(0).get("url").asString()).isEqualTo("http://127.0.0.1:8080");
        assertThat(api.get("components").get("securitySchemes").get("keycloak-dashboard").get("flows")
                .get("clientCredentials").get("tokenUrl").asString()).endsWith("/protocol/openid-connect/token");

        List<String> ids = new ArrayList<>();
        List<String> wildcard = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : api.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                ids.add(op.getValue().get("operationId").asString());
                for (Map.Entry<String, JsonNode> response : op.getValue().get("responses").properties()) {
                    JsonNode content = response.getValue().get("content");
                    if (content != null && content.has("*/*")) {
                        wildcard.add(op.getKey() + " " + path.getKey() + " " + response.getKey());
                    }
                }
                assertThat(op.getValue().get("responses").has("401")).as(path.getKey()).isTrue();
            }
        }
        assertThat(wildcard).isEmpty();
        assertThat(ids).doesNotHaveDuplicates().noneMatch(id -> id.matches(".*_\\d+$"));
        JsonNode docx = api.get("paths").get("/api/reporting/circulars/{id}/document.docx").get("get")
                .get("responses").get("200").get("content");
        assertThat(docx.get("application/vnd.openxmlformats-officedocument.wordprocessingml.document").get("schema")
                .get("format").asString()).isEqualTo("binary");
        assertThat(api.get("paths").get("/api/reporting/circulars").get("post").get("responses").has("201"))
                .isTrue();
    }
}
