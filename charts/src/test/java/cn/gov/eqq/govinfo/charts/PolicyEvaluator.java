package cn.gov.eqq.govinfo.charts;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * Decides whether a connection is allowed under a set of NetworkPolicies, following the Kubernetes semantics for
 * the parts the chart uses: pod/namespace selectors (matchLabels, In/NotIn/Exists), numbered and named ports.
 * A pod that no policy selects for a direction is open in that direction; otherwise some rule must allow the flow,
 * and a connection needs both the source's egress and the destination's ingress.
 */
record PolicyEvaluator(List<NetworkPolicy> policies) {

    record Pod(String name, String namespace, Map<String, String> labels, Map<String, Integer> namedPorts) {
        Map<String, String> namespaceLabels() {
            return Map.of("kubernetes.io/metadata.name", namespace);
        }
    }

    boolean allows(Pod from, Pod to, int port, String protocol) {
        return allowedIn(from, to, port, protocol, "Egress") && allowedIn(to, from, port, protocol, "Ingress");
    }

    boolean allows(Pod from, Pod to, int port) {
        return allows(from, to, port, "TCP");
    }

    /**
     * Egress from a pod to an address outside the cluster (an SMTP server): only the source's policies decide, and a
     * peer matches when it is an ipBlock whose CIDR holds the address and whose {@code except} does not.
     */
    boolean allowsEgressToAddress(Pod from, String ipv4, int port) {
        List<NetworkPolicy> selecting = policies.stream()
                .filter(p -> p.getMetadata().getNamespace().equals(from.namespace()))
                .filter(p -> matches(p.getSpec().getPodSelector(), from.labels()))
                .filter(p -> p.getSpec().getPolicyTypes().contains("Egress"))
                .toList();
        if (selecting.isEmpty()) {
            return true;
        }
        Pod nowhere = new Pod("address", "", Map.of(), Map.of());
        return selecting.stream().filter(p -> p.getSpec().getEgress() != null)
                .flatMap(p -> p.getSpec().getEgress().stream())
                .anyMatch(rule -> (rule.getTo() == null || rule.getTo().isEmpty()
                        || rule.getTo().stream().anyMatch(peer -> peer.getIpBlock() != null
                        && inCidr(ipv4, peer.getIpBlock().getCidr())
                        && (peer.getIpBlock().getExcept() == null
                        || peer.getIpBlock().getExcept().stream().noneMatch(e -> inCidr(ipv4, e)))))
                        && (rule.getPorts() == null || rule.getPorts().isEmpty()
                        || rule.getPorts().stream().anyMatch(pp -> portMatches(pp, nowhere, port, "TCP"))));
    }

    static boolean inCidr(String ipv4, String cidr) {
        String[] parts = cidr.split("/");
        int bits = Integer.parseInt(parts[1]);
        long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
        return (toLong(ipv4) & mask) == (toLong(parts[0]) & mask);
    }

    private static long toLong(String ipv4) {
        long value = 0;
        for (String octet : ipv4.split("\\.")) {
            value = (value << 8) | Integer.parseInt(octet);
        }
        return value;
    }

    /** For Egress: subject = source, other = destination; for Ingress: subject = destination, other = source. */
    private boolean allowedIn(Pod subject, Pod other, int port, String protocol, String direction) {
        List<NetworkPolicy> selecting = policies.stream()
                .filter(p -> p.getMetadata().getNamespace().equals(subject.namespace()))
                .filter(p -> matches(p.getSpec().getPodSelector(), subject.labels()))
                .filter(p -> p.getSpec().getPolicyTypes().contains(direction))
                .toList();
        if (selecting.isEmpty()) {
            return true;
        }
        Pod destination = direction.equals("Egress") ? other : subject;
        BiPredicate<List<NetworkPolicyPeer>, List<NetworkPolicyPort>> ruleAllows = (peers, ports) ->
                (peers == null || peers.isEmpty() || peers.stream().anyMatch(peer -> peerMatches(peer, other, subject.namespace())))
                        && (ports == null || ports.isEmpty() || ports.stream().anyMatch(pp -> portMatches(pp, destination, port, protocol)));
        for (NetworkPolicy policy : selecting) {
            if (direction.equals("Egress") && policy.getSpec().getEgress() != null) {
                if (policy.getSpec().getEgress().stream().anyMatch(r -> ruleAllows.test(r.getTo(), r.getPorts()))) {
                    return true;
                }
            }
            if (direction.equals("Ingress") && policy.getSpec().getIngress() != null) {
                if (policy.getSpec().getIngress().stream().anyMatch(r -> ruleAllows.test(r.getFrom(), r.getPorts()))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean peerMatches(NetworkPolicyPeer peer, Pod pod, String policyNamespace) {
        if (peer.getIpBlock() != null) {
            return false; // pods are not addressed by ipBlock here
        }
        boolean namespaceOk = peer.getNamespaceSelector() == null
                ? pod.namespace().equals(policyNamespace)
                : matches(peer.getNamespaceSelector(), pod.namespaceLabels());
        boolean podOk = peer.getPodSelector() == null || matches(peer.getPodSelector(), pod.labels());
        return namespaceOk && podOk;
    }

    private static boolean portMatches(NetworkPolicyPort pp, Pod destination, int port, String protocol) {
        String ppProtocol = pp.getProtocol() == null ? "TCP" : pp.getProtocol();
        if (!ppProtocol.equals(protocol)) {
            return false;
        }
        IntOrString p = pp.getPort();
        if (p == null) {
            return true;
        }
        if (p.getIntVal() != null) {
            return p.getIntVal() == port;
        }
        Integer named = destination.namedPorts().get(p.getStrVal());
        return named != null && named == port;
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        if (selector.getMatchLabels() != null
                && !selector.getMatchLabels().entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())))) {
            return false;
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
                String value = labels.get(r.getKey());
                boolean ok = switch (r.getOperator()) {
                    case "In" -> value != null && r.getValues().contains(value);
                    case "NotIn" -> value == null || !r.getValues().contains(value);
                    case "Exists" -> value != null;
                    case "DoesNotExist" -> value == null;
                    default -> throw new IllegalArgumentException("operator " + r.getOperator());
                };
                if (!ok) {
                    return false;
                }
            }
        }
        return true;
    }
}
