package cn.gov.eqq.govinfo.devstack;

import cn.gov.eqq.govinfo.localinfra.process.FreePorts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ports of one devstack, chosen before anything starts: each requested port, or a free one that no other part of
 * this stack was given. A requested port already in use stops the start with every busy port named.
 */
final class StackPorts {

    private final Map<Service, Integer> services = new EnumMap<>(Service.class);
    /** Every replica's port, the first replica's included. */
    private final Map<Service, List<Integer>> replicas = new EnumMap<>(Service.class);
    private final Set<Integer> taken = new HashSet<>();
    private final int keycloak;
    private final int keycloakManagement;
    private final int kafka;
    private final int kafkaController;
    private final int mongo;
    private final int redis;

    StackPorts(DevStackConfig config) {
        DevStackConfig.Ports ports = config.ports();
        List<String> busy = new ArrayList<>();
        for (Service service : config.services()) {
            int port = pick(ports.of(service));
            checkFree(port, service.portEnv(), busy);
            services.put(service, port);
            List<Integer> all = new ArrayList<>(List.of(port));
            for (int i = 2; i <= config.replicasOf(service); i++) {
                all.add(pick(0));
            }
            replicas.put(service, List.copyOf(all));
        }
        keycloak = pick(ports.keycloak());
        keycloakManagement = pick(ports.keycloakManagement());
        if (config.keycloak()) {
            checkFree(keycloak, "KEYCLOAK_PORT", busy);
            checkFree(keycloakManagement, "KEYCLOAK_MANAGEMENT_PORT", busy);
        }
        kafka = pick(ports.kafka());
        kafkaController = pick(ports.kafkaController());
        checkFree(kafka, "KAFKA_PORT", busy);
        checkFree(kafkaController, "KAFKA_CONTROLLER_PORT", busy);
        if (config.mongo() != DevStackConfig.Mongo.EXTERNAL) {
            mongo = pick(ports.mongo());
            checkFree(mongo, "MONGO_PORT", busy);
        } else {
            mongo = 0;
        }
        if (config.services().contains(Service.GATEWAY)) {
            redis = pick(ports.redis());
            checkFree(redis, "REDIS_PORT", busy);
        } else {
            redis = 0;
        }
        if (!busy.isEmpty()) {
            throw new IllegalStateException("端口已被占用 / ports already in use: " + String.join(", ", busy)
                    + " — 另一个 devstack 在运行？用环境变量改端口 / another devstack running? override by environment");
        }
    }

    private int pick(int requested) {
        if (requested != 0) {
            taken.add(requested);
            return requested;
        }
        while (true) {
            int port = FreePorts.pick();
            if (taken.add(port)) {
                return port;
            }
        }
    }

    private static void checkFree(int port, String env, List<String> busy) {
        if (FreePorts.isOpen(port)) {
            busy.add(port + " (" + env + ")");
        }
    }

    /** The services' and the gateway's ports, by service. */
    Map<Service, Integer> services() {
        return Collections.unmodifiableMap(services);
    }

    /** The port of replica {@code replica} (1 = the first) of a service. */
    Integer portOf(Service service, int replica) {
        List<Integer> all = replicas.get(service);
        return all == null || replica < 1 || replica > all.size() ? null : all.get(replica - 1);
    }

    int replicasOf(Service service) {
        return replicas.getOrDefault(service, List.of()).size();
    }

    int keycloak() {
        return keycloak;
    }

    int keycloakManagement() {
        return keycloakManagement;
    }

    int kafka() {
        return kafka;
    }

    int kafkaController() {
        return kafkaController;
    }

    /** 0 when the database is external. */
    int mongo() {
        return mongo;
    }

    /** 0 without the gateway: only its replicas share state in Redis. */
    int redis() {
        return redis;
    }
}
