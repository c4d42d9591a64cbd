package cn.gov.eqq.govinfo.platform.audit;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The right-most untrusted address of {@code X-Forwarded-For, peer}, whatever a client writes into the header. */
class ClientAddressResolverTest {

    /** ingress controller pods 10.42.0.0/16, gateway pods 10.43.0.0/16, IPv6 pod network fd00::/8 */
    private final ClientAddressResolver resolver = ClientAddressResolver.trusting(
            List.of("10.42.0.0/16", "10.43.0.0/16", "fd00::/8", "127.0.0.1"));

    @Test
    void theAddressTheIngressSawIsTheClient() {
        // ingress 10.42.1.7 saw 203.0.113.61, the gateway 10.43.0.9 appended the ingress, the service sees the gateway
        assertThat(resolver.resolve("203.0.113.61, 10.42.1.7", "10.43.0.9")).isEqualTo("203.0.113.61");
    }

    @Test
    void entriesTheClientWroteItselfAreIgnored() {
        assertThat(resolver.resolve("127.0.0.1, 8.8.8.8, 203.0.113.61, 10.42.1.7", "10.43.0.9"))
                .isEqualTo("203.0.113.61");
        // a forged "trusted" address on the left does not help while an untrusted one stands right of it
        assertThat(resolver.resolve("10.42.9.9, 198.51.100.4, 10.42.1.7", "10.43.0.9")).isEqualTo("198.51.100.4");
    }

    @Test
    void aPeerThatIsNotOurProxyIsTheClientAndItsHeaderIsIgnored() {
        assertThat(resolver.resolve("10.42.1.7", "198.51.100.23")).isEqualTo("198.51.100.23");
        assertThat(resolver.resolve(null, "198.51.100.23")).isEqualTo("198.51.100.23");
    }

    @Test
    void whenEveryAddressIsOursTheLeftMostIsTheClient() {
        assertThat(resolver.resolve("10.42.3.3, 10.42.1.7", "10.43.0.9")).isEqualTo("10.42.3.3");
        assertThat(resolver.resolve("", "127.0.0.1")).isEqualTo("127.0.0.1");
    }

    @Test
    void portsBracketsAndIpv6AreUnderstood() {
        assertThat(resolver.resolve("203.0.113.61:51234, 10.42.1.7:443", "10.43.0.9")).isEqualTo("203.0.113.61");
        assertThat(resolver.resolve("[2001:db8::5]:443, fd00::12", "10.43.0.9")).isEqualTo("2001:db8::5");
        assertThat(resolver.resolve("2001:db8::5", "fd00::1")).isEqualTo("2001:db8::5");
    }

    @Test
    void somethingThatIsNotAnAddressStopsTheWalkAndIsNeverLookedUp() {
        assertThat(resolver.resolve("203.0.113.61, unknown, 10.42.1.7", "10.43.0.9")).isEqualTo("unknown");
        assertThat(resolver.resolve("localhost", "10.43.0.9")).isEqualTo("localhost");
        assertThat(resolver.isTrusted("localhost")).isFalse();
        assertThat(resolver.isTrusted("999.1.1.1")).isFalse();
    }

    @Test
    void blockBoundariesAreExact() {
        assertThat(resolver.isTrusted("10.42.255.255")).isTrue();
        assertThat(resolver.isTrusted("10.44.0.0")).isFalse();
        assertThat(resolver.isTrusted("127.0.0.1")).isTrue();
        assertThat(resolver.isTrusted("127.0.0.2")).isFalse();
        assertThat(resolver.isTrusted("fdff:ffff::1")).isTrue();
        assertThat(resolver.isTrusted("fe80::1")).isFalse();
    }

    @Test
    void aMalformedTrustedProxyFailsAtStartUp() {
        assertThatThrownBy(() -> ClientAddressResolver.trusting(List.of("10.0.0.0/33")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10.0.0.0/33");
        assertThatThrownBy(() -> ClientAddressResolver.trusting(List.of("gateway.local")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gateway.local");
    }
}
