package cn.gov.eqq.govinfo.devstack;

import cn.gov.eqq.govinfo.localinfra.process.ChildProcess;
import cn.gov.eqq.govinfo.localinfra.process.FreePorts;
import cn.gov.eqq.govinfo.localinfra.process.ServiceProcess;
import cn.gov.eqq.govinfo.localinfra.process.Supervisor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The five services and the gateway as child processes: each started from a copy of its jar with the settings of
 * this stack, supervised (a process that exits is started again with back-off, as Kubernetes would:
 * docs/devstack.md), and, for the fault tests, killed with SIGKILL and started again on its port. A service may run
 * as several replicas (processes on their own ports, one database and consumer group), as in production; every
 * gateway replica routes to the first replica of each backend (in the cluster a Kubernetes Service balances).
 */
final class ServiceProcesses {

    /** One process of a service: replica 1 is the first. */
    record Replica(Service service, int index) {
        /** {@code scoring} for the first replica, {@code scoring-2} for the second: its log and supervisor name. */
        String name() {
            return index == 1 ? service.artifactId() : service.artifactId() + "-" + index;
        }
    }

    private final DevStackConfig config;
    private final StackPorts ports;
    private final StackDirectory directory;
    private final Infrastructure infra;
    private final Consumer<String> say;
    private final Map<Replica, ServiceProcess> processes = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Supervisor supervisor;

    ServiceProcesses(DevStackConfig config, StackPorts ports, StackDirectory directory, Infrastructure infra,
                     Consumer<String> say) {
        this.config = config;
        this.ports = ports;
        this.directory = directory;
        this.infra = infra;
        this.say = say;
        this.supervisor = new Supervisor(Supervisor.Backoff.standard(), say);
    }

    /** Starts every replica of the service, returns once all are ready, and supervises each. */
    void startSupervised(Service service) {
        for (int i = 1; i <= ports.replicasOf(service); i++) {
            startSupervised(new Replica(service, i));
        }
    }

    /** Starts one replica, returns once it is ready, and has the supervisor start it again whenever it exits. */
    void startSupervised(Replica replica) {
        start(replica);
        supervisor.supervise(replica.name(), processes.get(replica).process(), () -> startedAgain(replica));
    }

    private void start(Replica replica) {
        Service service = replica.service();
        int port = ports.portOf(service, replica.index());
        Map<String, String> env = new LinkedHashMap<>(config.serviceEnvironment());
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("SERVER_ADDRESS", FreePorts.LOOPBACK);
        env.put("KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrapServers());
        env.put("KEYCLOAK_ISSUER_URI", infra.keycloakIssuer());
        if (service.database() != null) {
            env.put("MONGODB_URI", infra.mongoUri(service.database()));
        }
        if (service.isGateway()) {
            env.put("GATEWAY_REDIS_URL", infra.redisUrl());
            for (Service backend : Service.backends()) {
                if (ports.services().containsKey(backend)) {
                    env.put(backend.uriEnv(), urlOf(backend, 1));
                }
            }
        }
        List<String> jvm = new ArrayList<>();
        jvm.add("-Xmx" + service.defaultHeap()); // first: an -Xmx in the configured options wins
        jvm.addAll(config.serviceJvmOptions());
        jvm.add(DevStack.MARKER_PROPERTY + config.dataDir());
        ServiceProcess process = ServiceProcess.start(new ServiceProcess.Spec(replica.name(),
                directory.stagedJar(service), port, jvm, env, config.logDir().resolve(replica.name() + ".log")));
        processes.put(replica, process);
        directory.recordChild(process.process().pid());
        long begin = System.nanoTime();
        process.awaitReady(config.serviceTimeout(), prerequisites(service));
        say.accept(replica.name() + " 就绪 / ready " + process.baseUrl() + " ("
                + Infrastructure.seconds(Duration.ofNanos(System.nanoTime() - begin)) + ")");
    }

    /** The supervisor's restart: the same port and settings; a process that started but is not ready is kept. */
    private ChildProcess startedAgain(Replica replica) {
        ServiceProcess old = processes.get(replica);
        if (old != null) {
            old.stop(); // already gone: only forgets it and its shutdown hook
        }
        try {
            start(replica);
        } catch (IllegalStateException e) {
            ServiceProcess now = processes.get(replica);
            if (now == null || now == old || !now.process().isAlive()) {
                throw e;
            }
            say.accept(replica.name() + " 已重启但未就绪 / restarted, not ready yet: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        return processes.get(replica).process();
    }

    /** The infrastructure the service needs, and for the gateway every backend it routes to. */
    private List<ServiceProcess.Prerequisite> prerequisites(Service service) {
        List<ServiceProcess.Prerequisite> list = new ArrayList<>(infra.prerequisitesOf(service));
        if (service.isGateway()) {
            for (Service backend : Service.backends()) {
                ServiceProcess p = processes.get(new Replica(backend, 1));
                if (p != null) {
                    list.add(new ServiceProcess.Prerequisite(backend.artifactId() + " 未就绪 " + p.baseUrl(),
                            backend.artifactId() + " not ready at " + p.baseUrl(),
                            () -> Infrastructure.answers200(p.readinessUrl())));
                }
            }
        }
        return list;
    }

    /** {@code http://127.0.0.1:<port>} of a replica of a service or the gateway of this stack. */
    String urlOf(Service service, int replica) {
        Integer port = ports.portOf(service, replica);
        if (port == null) {
            throw new IllegalArgumentException(service.artifactId() + (replica == 1 ? "" : " replica " + replica)
                    + " is not part of this devstack");
        }
        return "http://" + FreePorts.LOOPBACK + ":" + port;
    }

    List<Long> pids() {
        synchronized (processes) {
            return processes.values().stream().map(p -> p.process().pid()).toList();
        }
    }

    /** {@code kill -9} of the process and its descendants; its port stays reserved for {@link #restart}. */
    long kill(Replica replica) {
        ServiceProcess process = running(replica);
        supervisor.hold(replica.name()); // the test restarts it itself
        ProcessHandle handle = process.process().handle();
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(handle);
        handle.descendants().forEach(tree::add);
        tree.forEach(ProcessHandle::destroyForcibly);
        awaitExit(tree, replica.name());
        process.stop(); // already dead: only forgets the process and its shutdown hook
        say.accept(replica.name() + " 已强行终止 / killed (SIGKILL) pid " + handle.pid());
        return handle.pid();
    }

    Duration restart(Replica replica) {
        ServiceProcess old = processes.get(replica);
        if (old != null && old.process().isAlive()) {
            throw new IllegalStateException(replica.name() + " is still running (pid " + old.process().pid() + ")");
        }
        long begin = System.nanoTime();
        startSupervised(replica);
        return Duration.ofNanos(System.nanoTime() - begin);
    }

    boolean isRunning(Replica replica) {
        ServiceProcess process = processes.get(replica);
        return process != null && process.process().isAlive();
    }

    long pidOf(Replica replica) {
        return running(replica).process().pid();
    }

    private ServiceProcess running(Replica replica) {
        ServiceProcess process = processes.get(replica);
        if (process == null) {
            throw new IllegalArgumentException(replica.name() + " is not running in this devstack");
        }
        return process;
    }

    private static void awaitExit(List<ProcessHandle> tree, String name) {
        for (ProcessHandle p : tree) {
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(name + " (pid " + p.pid() + ") did not die within 10 s of SIGKILL", e);
            }
        }
    }

    /** Ends supervision, stops the gateway's replicas, then returns the stops of the services to run in parallel. */
    List<Runnable> stopGatewayThenServices() {
        supervisor.close();
        synchronized (processes) {
            processes.forEach((replica, process) -> {
                if (replica.service().isGateway()) {
                    process.stop();
                }
            });
        }
        synchronized (processes) {
            return processes.values().stream().<Runnable>map(p -> p::stop).toList();
        }
    }
}
