package cn.gov.eqq.govinfo.testsupport.logging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class of the test classpath in a JVM of its own and answers what it printed. For what a JVM sets up
 * once (the logging system, its console format), which a test inside the shared test JVM cannot change.
 */
public final class ForkedJvm {

    private ForkedJvm() {
    }

    /** The finished process: its exit code and its standard output and error, merged, line by line. */
    public record Run(int exitCode, List<String> lines) {
    }

    /**
     * @param environment added to this JVM's environment (e.g. {@code GOVINFO_LOG_FORMAT})
     * @throws IllegalStateException when the process does not end within the timeout
     */
    public static Run run(Class<?> mainClass, Map<String, String> environment, long timeoutSeconds,
                          String... arguments)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(List.of(arguments));
        // into a file, not a pipe: a full pipe would block the child, and a file can be read after a timeout
        Path output = Files.createTempFile("forked-jvm-", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(mainClass.getSimpleName() + " did not end within " + timeoutSeconds
                        + " s; it printed:\n" + Files.readString(output, StandardCharsets.UTF_8));
            }
            return new Run(process.exitValue(), Files.readAllLines(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
