package cn.gov.eqq.govinfo.devstack.backup;

import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.devstack.Service;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * {@code bin/govinfo backup [DIR]} and {@code bin/govinfo restore DIR} against the running devstack: where MongoDB,
 * Kafka and Keycloak run comes from {@code devstack.urls} in the data dir; Keycloak's admin account from
 * {@code KC_BOOTSTRAP_ADMIN_USERNAME/PASSWORD} (default admin/admin, as the devstack starts it).
 */
public final class BackupCommand {

    private BackupCommand() {
    }

    /** The five services' databases. */
    public static List<String> databases() {
        return Service.backends().stream().map(Service::database).toList();
    }

    /** The project's topics: the events' and every service's dead letters. */
    public static List<String> topics() {
        List<String> topics = new ArrayList<>(Topics.ALL.stream().map(Topics.Spec::name).toList());
        Service.backends().forEach(service -> topics.add(Topics.deadLetterTopicOf(service.artifactId())));
        return topics;
    }

    /**
     * The topics a freshly started system has already written to: the compacted unit directory (its seeded units)
     * and scoring's rankings (at its start scoring publishes the rankings of the month that has just ended, every
     * unit short of its quota). Both are latest states that the backup's records supersede: the unit directory by
     * key, the rankings by snapshot version (reporting keeps the newest, and its restored database already holds the
     * backup's), so the restore adds to them; every other topic must be empty.
     */
    public static java.util.Set<String> restartableTopics() {
        java.util.Set<String> topics = Topics.ALL.stream().filter(Topics.Spec::compacted).map(Topics.Spec::name)
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
        topics.add(Topics.RANKINGS);
        return topics;
    }

    public static int run(String command, List<String> args, Path dataDir, Map<String, String> env) throws IOException {
        Path urlsFile = dataDir.resolve("devstack.urls");
        if (!Files.exists(urlsFile)) {
            System.err.println("devstack 未在运行 / the devstack is not running (no " + urlsFile
                    + "): bin/govinfo up");
            return 1;
        }
        Properties urls = new Properties();
        try (var in = Files.newBufferedReader(urlsFile)) {
            urls.load(in);
        }
        String issuer = urls.getProperty("keycloak-issuer");
        int realmAt = issuer.indexOf("/realms/");
        RealmExport realm = new RealmExport(issuer.substring(0, realmAt), issuer.substring(realmAt + 8),
                env.getOrDefault("KC_BOOTSTRAP_ADMIN_USERNAME", "admin"),
                env.getOrDefault("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin"));
        SystemBackup system = new SystemBackup(urls.getProperty("mongodb"), databases(), urls.getProperty("kafka"),
                topics(), restartableTopics(), realm, Clock.systemUTC());
        var json = JsonMapper.builder().build().writerWithDefaultPrettyPrinter();
        if (command.equals("backup")) {
            Path dir = args.isEmpty() ? dataDir.resolve("backups").resolve(
                    LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))) : Path.of(args.get(0));
            var manifest = system.backup(dir);
            System.out.println("已备份 / backed up to " + dir.toAbsolutePath());
            System.out.println(json.writeValueAsString(manifest.without("sha256")));
            return 0;
        }
        if (args.isEmpty()) {
            System.err.println("用法 / usage: bin/govinfo restore DIR");
            return 1;
        }
        var restored = system.restore(Path.of(args.get(0)));
        System.out.println("已恢复 / restored from " + Path.of(args.get(0)).toAbsolutePath());
        System.out.println(json.writeValueAsString(restored));
        return 0;
    }
}
