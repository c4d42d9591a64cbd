package cn.gov.eqq.govinfo.benchmarks;

import cn.gov.eqq.govinfo.devstack.DevStack;
import cn.gov.eqq.govinfo.devstack.DevStackConfig;
import cn.gov.eqq.govinfo.devstack.Service;
import cn.gov.eqq.govinfo.testsupport.keycloak.Tokens;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The one benchmark command (docs/performance.md):
 * {@code ./mvnw -B -pl benchmarks -Pbenchmarks verify [-Dbenchmarks.args="gateway scoring-rebuild --events=1000000"]}.
 * Starts what the chosen benchmarks need with the devstack (real Kafka, real Keycloak, the wire-protocol MongoDB,
 * the service jars as child processes, free ports), runs them, prints the figures as a table and writes them to
 * {@code benchmarks/target/results/}. Services record JFR profiles, summarised at the end.
 */
public final class BenchmarksMain {

    private BenchmarksMain() {
    }

    public static void main(String[] args) throws Exception {
        Set<String> chosen = new LinkedHashSet<>();
        Map<String, String> options = new TreeMap<>();
        for (String a : args) {
            if (a.startsWith("--")) {
                String[] kv = a.substring(2).split("=", 2);
                options.put(kv[0], kv.length > 1 ? kv[1] : "true");
                if (kv[0].equals("publish-max-delay")) {
                    System.setProperty("benchmarks.publish-max-delay", options.get(kv[0]));
                }
            } else if (!a.isBlank()) {
                chosen.add(a);
            }
        }
        if (chosen.isEmpty() || chosen.contains("all")) {
            chosen = new LinkedHashSet<>(List.of("gateway", "scoring-rebuild", "reporting", "end-to-end",
                    "pages", "startup-all"));
        }
        long events = Long.parseLong(options.getOrDefault("events", "1000000"));
        int units = Integer.parseInt(options.getOrDefault("units", "3000"));
        int calendarYear = Integer.parseInt(options.getOrDefault("year", "2025"));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "16"));
        boolean jfr = !options.containsKey("no-jfr");

        Path repo = repoRoot();
        Path resultsDir = repo.resolve("benchmarks/target/results");
        Results results = new Results();
        String machine = machine();
        System.out.println("[benchmarks] " + machine + "; chosen " + chosen + " " + options);
        try {
            if (chosen.contains("gateway")) {
                // a stack of its own: the county it loads for its ranking request must not mix with the rebuild's year
                GatewayOverhead.benchmark(repo, options, concurrency, jfr, results);
            }
            if (chosen.contains("scoring-rebuild")) {
                Set<Service> services = EnumSet.of(Service.SCORING);
                Map<Service, Path> jarOverrides = new EnumMap<>(Service.class);
                if (options.containsKey("scoring-jar")) {
                    // e.g. the jar of an earlier commit, for the before/after of a fix
                    jarOverrides.put(Service.SCORING, Path.of(options.get("scoring-jar")).toAbsolutePath());
                    results.note("scoring jar: " + options.get("scoring-jar"));
                }
                try (Stack s = Stack.start(repo, services, jarOverrides, jfr, results)) {
                    Tokens tokens = new Tokens(s.stack().keycloakIssuerUri());
                    new ScoringRebuild(s.stack(), tokens, new ProvinceYear(units, events, 20221, calendarYear),
                            calendarYear, results).run();
                }
            }
            if (chosen.contains("reporting")) {
                long reportingEvents = Long.parseLong(options.getOrDefault("reporting-events", "50000"));
                try (Stack s = Stack.start(repo, EnumSet.of(Service.REPORTING), Map.of(), jfr, results)) {
                    new ReportingDocuments(s.stack(), new Tokens(s.stack().keycloakIssuerUri()),
                            new ProvinceYear(units, reportingEvents, 20222, calendarYear), calendarYear, results).run();
                }
            }
            if (chosen.contains("end-to-end")) {
                runEndToEnd(repo, options, jfr, results);
            }
            if (chosen.contains("pages")) {
                // the whole system of its own, loaded with a county-year (its own --units/--events defaults)
                PageLatency.benchmark(repo, options, jfr, results);
            }
            if (chosen.contains("startup-all")) {
                try (Stack s = Stack.start(repo, EnumSet.allOf(Service.class), Map.of(), false, results)) {
                    results.note("whole system (Kafka, Keycloak, Mongo, 5 services, gateway) ready in "
                            + s.stack().startupTime().toMillis() + " ms");
                }
            }
        } catch (Exception | Error e) {
            results.note("FAILED: " + e);
            e.printStackTrace();
            finish(results, resultsDir, machine);
            System.exit(1);
        }
        finish(results, resultsDir, machine);
    }

    /**
     * The end-to-end benchmark once per configuration ({@code --e2e-configs=defaults,tuned}): scoring's and the
     * outbox relay's defaults, then the settings of {@code --e2e-tuned} given to the services as system properties.
     */
    private static void runEndToEnd(Path repo, Map<String, String> options, boolean jfr, Results results)
            throws Exception {
        List<Integer> rates = List.of(options.getOrDefault("e2e-rates", "50,200,500").split(",")).stream()
                .map(String::trim).map(Integer::parseInt).toList();
        EndToEnd.Settings settings = new EndToEnd.Settings(rates,
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("e2e-warmup", "10"))),
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("e2e-seconds", "60"))),
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("e2e-timeout", "60"))),
                Integer.parseInt(options.getOrDefault("e2e-max-inflight", "500")),
                Integer.parseInt(options.getOrDefault("e2e-imports", "0")),
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("e2e-import-every", "60"))),
                Boolean.parseBoolean(options.getOrDefault("e2e-portal", "false")));
        String tuned = options.getOrDefault("e2e-tuned", "govinfo.scoring.publish-interval=100ms,"
                + "govinfo.scoring.publish-quiet=100ms,govinfo.scoring.publish-max-delay=500ms,"
                + "govinfo.outbox.poll-interval=50ms,spring.kafka.producer.properties.linger.ms=0");
        Set<Service> services = EnumSet.of(Service.INTAKE, Service.SCORING, Service.GATEWAY);
        if (settings.portal()) {
            services.add(Service.REPORTING); // the portal's rankings are reporting's copy of scoring's snapshots
        }
        Map<Service, Path> jars = new EnumMap<>(Service.class);
        if (options.containsKey("jars-from")) {
            // another checkout's built jars, e.g. a clean clone of a commit while this tree has work in progress
            Path other = Path.of(options.get("jars-from")).toAbsolutePath();
            services.forEach(s -> jars.put(s, s.jarIn(other, DevStackConfig.VERSION)));
            results.note("end-to-end: jars from " + other);
        }
        // Every configuration: intake's near-duplicate check looks back 0 days instead of 92. With 92 days each
        // submission loads every item sent this quarter into the service (thousands within a minute at these rates):
        // with the defaults intake ran out of its 384 MB heap in the 50/s phase. --e2e-base= (empty) keeps it on.
        String base = options.getOrDefault("e2e-base", "govinfo.intake.duplicates.lookback-days=0");
        for (String config : options.getOrDefault("e2e-configs", "defaults,tuned").split(",")) {
            List<String> extra = new ArrayList<>();
            for (String kv : base.split(",")) {
                if (!kv.isBlank()) {
                    extra.add("-D" + kv.trim());
                }
            }
            if (config.equals("tuned")) {
                for (String kv : tuned.split(",")) {
                    extra.add("-D" + kv.trim());
                }
            } else if (!config.equals("defaults")) {
                throw new IllegalArgumentException("--e2e-configs: defaults or tuned, not " + config);
            }
            results.note("end-to-end [" + config + "]: " + (extra.isEmpty() ? "service defaults" : extra));
            try (Stack s = Stack.start(repo, services, jars, jfr, results, extra)) {
                new EndToEnd(s.stack(), new Tokens(s.stack().keycloakIssuerUri()), results, config, settings).run();
            }
        }
    }

    private static void finish(Results results, Path dir, String machine) {
        String header = "# govinfo benchmarks " + Instant.now() + "\n\n" + machine;
        System.out.println("\n" + header + "\n\n" + results.table());
        results.write(dir, header);
        System.out.println("[benchmarks] written to " + dir);
    }

    /** A devstack of the chosen services, its start-up figures recorded, profiles summarised at close. */
    record Stack(DevStack stack, Path dataDir, Results results, boolean jfr) implements AutoCloseable {

        static Stack start(Path repo, Set<Service> services, Map<Service, Path> jarOverrides, boolean jfr,
                           Results results) throws Exception {
            return start(repo, services, jarOverrides, jfr, results, List.of());
        }

        /** @param extraJvm further JVM options of every service, e.g. {@code -Dgovinfo.scoring.publish-quiet=100ms} */
        static Stack start(Path repo, Set<Service> services, Map<Service, Path> jarOverrides, boolean jfr,
                           Results results, List<String> extraJvm) throws Exception {
            return start(repo, services, jarOverrides, jfr, results, extraJvm,
                    DevStackConfig.DEFAULT_SERVICE_ENVIRONMENT);
        }

        /** @param environment the environment variables of every service instead of the devstack's default */
        static Stack start(Path repo, Set<Service> services, Map<Service, Path> jarOverrides, boolean jfr,
                           Results results, List<String> extraJvm, Map<String, String> environment)
                throws Exception {
            Path dataDir = repo.resolve("benchmarks/target/stack-" + System.currentTimeMillis());
            Files.createDirectories(dataDir.resolve("jars"));
            Map<Service, Path> jars = new EnumMap<>(Service.class);
            for (Service s : services) {
                // a copy: other engineers may rebuild the module's jar while a long benchmark runs
                Path copy = dataDir.resolve("jars").resolve(s.artifactId() + ".jar");
                Files.copy(jarOverrides.getOrDefault(s, s.jarIn(repo, DevStackConfig.VERSION)), copy,
                        StandardCopyOption.REPLACE_EXISTING);
                jars.put(s, copy);
            }
            List<String> jvm = new ArrayList<>(DevStackConfig.DEFAULT_SERVICE_JVM_OPTIONS);
            if (services.contains(Service.GATEWAY)) {
                // one benchmark user drives the gateway hard on purpose: its per-user rate limit (429) is off here
                jvm.add("-Dgovinfo.gateway.rate-limit.enabled=false");
                results.note("gateway per-user rate limit off for the overhead benchmark (one user, 16 connections)");
            }
            if (System.getProperty("benchmarks.publish-max-delay") != null) {
                // the live run's snapshot publishing interval under a sustained stream (scoring's default is 5 s)
                jvm.add("-Dgovinfo.scoring.publish-max-delay=" + System.getProperty("benchmarks.publish-max-delay"));
                results.note("scoring publish-max-delay set to " + System.getProperty("benchmarks.publish-max-delay"));
            }
            jvm.addAll(extraJvm);
            if (jfr) {
                Path jfrDir = Files.createDirectories(dataDir.resolve("jfr"));
                jvm.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + jfrDir + "/");
            }
            // a real MongoDB where one runs (MONGODB_URI, an empty server: the benchmarks load their own data);
            // otherwise the in-process wire server, whose cost per document bounds the rebuild (docs/performance.md)
            String external = System.getenv("MONGODB_URI");
            boolean real = external != null && !external.isBlank();
            DevStackConfig config = new DevStackConfig(repo, dataDir, DevStackConfig.Ports.free(),
                    real ? DevStackConfig.Mongo.EXTERNAL : DevStackConfig.Mongo.MEMORY, real ? external : null, true,
                    services, jars, jvm, Duration.ofSeconds(600), Duration.ofSeconds(300))
                    .withServiceEnvironment(environment);
            if (real) {
                results.note("MongoDB: " + external.replaceAll("//[^@/]*@", "//…@") + " (MONGODB_URI)");
            }
            DevStack stack = DevStack.start(config, line -> System.out.println("[devstack] " + line));
            // Ctrl-C or a killed Maven must not leave Kafka, Keycloak and services behind
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "benchmarks-stop"));
            String what = services.size() == Service.values().length ? "all services" : services.toString();
            results.add("startup", "ready: " + what + " with Kafka, Keycloak, Mongo", stack.startupTime().toMillis(),
                    "ms", "devstack start → last process ready" + (jfr ? " (JFR on)" : ""));
            new TreeMap<>(stack.timings()).forEach((step, took) -> results.add("startup", step + " (" + what + ")",
                    took.toMillis(), "ms", ""));
            return new Stack(stack, dataDir, results, jfr);
        }

        @Override
        public void close() {
            stack.close();
            if (jfr) {
                try {
                    for (Path recording : JfrTop.recordings(dataDir.resolve("jfr"))) {
                        String summary = JfrTop.summary(recording, 15);
                        System.out.println(summary);
                        Files.createDirectories(dataDir.getParent().resolve("results"));
                        Files.writeString(dataDir.getParent().resolve("results/jfr-" + recording.getFileName()
                                + ".txt"), summary);
                    }
                } catch (Exception e) {
                    System.out.println("[benchmarks] JFR summary failed: " + e);
                }
            }
        }
    }

    static String machine() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        long memory = 0;
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            memory = sun.getTotalMemorySize();
        }
        return String.format("machine: %d CPUs, %.1f GB RAM, %s %s, Java %s; load average at start %.2f",
                os.getAvailableProcessors(), memory / 1e9, os.getName(), os.getArch(),
                System.getProperty("java.version"), os.getSystemLoadAverage());
    }

    static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no repository root (mvnw) above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
