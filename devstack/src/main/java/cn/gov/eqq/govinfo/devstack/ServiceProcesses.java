package cn.gov.eqq.govinfo.devstack;

import cn.gov.eqq.govinfo.localinfra.process.ChildProcess;
import cn.gov.eqq.govinfo.localinfra.process.FreePorts;
import cn.gov.eqq.govinfo.localinfra.process.ServiceProcess;
import cn.gov.eqq.govinfo.localinfra.process.Supervisor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The five services and the gateway as child processes: each started from a copy of its jar with the settings of
 * this stack, supervised (a process that exits is started again with back-off, as Kubernetes would:
 * docs/devstack.md), and, for the fault tests, killed with SIGKILL and started again on its port.
 */
final class ServiceProcesses {

    private final DevStackConfig config;
    private final StackPorts ports;
    private final StackDirectory directory;
    private final Infrastructure infra;
    private final Consumer<String> say;
    private final Map<Service, ServiceProcess> processes = Collections.synchronizedMap(new EnumMap<>(Service.class));
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

    /** Starts the service, returns once it is ready, and has the supervisor start it again whenever it exits. */
    void startSupervised(Service service) {
        start(service);
        supervisor.supervise(service.artifactId(), processes.get(service).process(), () -> startedAgain(service));
    }

    private void start(Service service) {
        int port = ports.services().get(service);
        Map<String, String> env = new LinkedHashMap<>();
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
                    env.put(backend.uriEnv(), urlOf(backend));
                }
            }
        }
        List<String> jvm = new ArrayList<>(config.serviceJvmOptions());
        jvm.add(DevStack.MARKER_PROPERTY + config.dataDir());
        ServiceProcess process = ServiceProcess.start(new ServiceProcess.Spec(service.artifactId(),
                directory.stagedJar(service), port, jvm, env, config.logDir().resolve(service.artifactId() + ".log")));
        processes.put(service, process);
        directory.recordChild(process.process().pid());
        long begin = System.nanoTime();
        process.awaitReady(config.serviceTimeout(), prerequisites(service));
        say.accept(service.artifactId() + " 就绪 / ready " + process.baseUrl() + " ("
                + Infrastructure.seconds(Duration.ofNanos(System.nanoTime() - begin)) + ")");
    }

    /** The supervisor's restart: the same port and settings; a process that started but is not ready is kept. */
    private ChildProcess startedAgain(Service service) {
        ServiceProcess old = processes.get(service);
        if (old != null) {
            old.stop(); // already gone: only forgets it and its shutdown hook
        }
        try {
            start(service);
        } catch (IllegalStateException e) {
            ServiceProcess now = processes.get(service);
            if (now == null || now == old || !now.process().isAlive()) {
                throw e;
            }
            say.accept(service.artifactId() + " 已重启但未就绪 / restarted, not ready yet: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        return processes.get(service).process();
    }

    /** The infrastructure the service needs, and for the gateway every backend it routes to. */
    private List<ServiceProcess.Prerequisite> prerequisites(Service service) {
        List<ServiceProcess.Prerequisite> list = new ArrayList<>(infra.prerequisitesOf(service));
        if (service.isGateway()) {
            for (Service backend : Service.backends()) {
                ServiceProcess p = processes.get(backend);
                if (p != null) {
                    list.add(new ServiceProcess.Prerequisite(backend.artifactId() + " 未就绪 " + p.baseUrl(),
                            backend.artifactId() + " not ready at " + p.baseUrl(),
                            () -> Infrastructure.answers200(p.readinessUrl())));
                }
            }
        }
        return list;
    }

    /** {@code http://127.0.0.1:<port>} of a service or the gateway of this stack. */
    String urlOf(Service service) {
        Integer port = ports.services().get(service);
        if (port == null) {
            throw new IllegalArgumentException(service.artifactId() + " is not part of this devstack");
        }
        return "http://" + FreePorts.LOOPBACK + ":" + port;
    }

    List<Long> pids() {
        synchronized (processes) {
            return processes.values().stream().map(p -> p.process().pid()).toList();
        }
    }

    /** {@code kill -9} of the process and its descendants; its port stays reserved for {@link #restart}. */
    long kill(Service service) {
        ServiceProcess process = running(service);
        supervisor.hold(service.artifactId()); // the test restarts it itself
        ProcessHandle handle = process.process().handle();
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(handle);
        handle.descendants().forEach(tree::add);
        tree.forEach(ProcessHandle::destroyForcibly);
        awaitExit(tree, service.artifactId());
        process.stop(); // already dead: only forgets the process and its shutdown hook
        say.accept(service.artifactId() + " 已强行终止 / killed (SIGKILL) pid " + handle.pid());
        return handle.pid();
    }

    Duration restart(Service service) {
        ServiceProcess old = processes.get(service);
        if (old != null && old.process().isAlive()) {
            throw new IllegalStateException(service.artifactId() + " is still running (pid " + old.process().pid()
                    + ")");
        }
        long begin = System.nanoTime();
        startSupervised(service);
        return Duration.ofNanos(System.nanoTime() - begin);
    }

    boolean isRunning(Service service) {
        ServiceProcess process = processes.get(service);
        return process != null && process.process().isAlive();
    }

    long pidOf(Service service) {
        return running(service).process().pid();
    }

    private ServiceProcess running(Service service) {
        ServiceProcess process = processes.get(service);
        if (process == null) {
            throw new IllegalArgumentException(service.artifactId() + " is not running in this devstack");
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

    /** Ends supervision, stops the gateway, then returns the stops of the services to run in parallel. */
    List<Runnable> stopGatewayThenServices() {
        supervisor.close();
        ServiceProcess gateway = processes.get(Service.GATEWAY);
        if (gateway != null) {
            gateway.stop();
        }
        synchronized (processes) {
            return processes.values().stream().<Runnable>map(p -> p::stop).toList();
        }
    }
}
