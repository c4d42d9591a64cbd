package cn.gov.eqq.govinfo.platform.audit;

import jakarta.servlet.http.HttpServletRequest;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The client address of a request behind our own proxies (ingress, gateway): the right-most address of the chain
 * {@code X-Forwarded-For entries…, peer} that is not one of the trusted proxies.
 * <p>
 * Every proxy appends the address it saw to {@code X-Forwarded-For}; whatever the client wrote itself stands to the
 * left of that. Reading from the right and skipping only our own proxies therefore yields the first address a proxy
 * of ours vouches for; a forged left-hand entry is never taken while an untrusted address stands right of it. A peer
 * that is not a trusted proxy is the client itself and its header is ignored. When every address is trusted (a call
 * from inside), the left-most one is the client. An entry that is not an IP address stops the walk and is taken as
 * written (clipped by the caller): it came from outside our proxies.
 * <p>
 * Trusted proxies are CIDR blocks ({@code 10.42.0.0/16}, {@code ::1/128}) or single addresses, from
 * {@code govinfo.audit.trusted-proxies} (docs/audit.md). Only IP literals are parsed: no name is ever looked up.
 */
public final class ClientAddressResolver {

    static final String ATTRIBUTE = ClientAddressResolver.class.getName() + ".clientAddress";

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private final List<Block> trusted;

    private ClientAddressResolver(List<Block> trusted) {
        this.trusted = trusted;
    }

    /** @param cidrs e.g. {@code ["127.0.0.0/8", "::1/128", "10.42.0.0/16"]}; a malformed entry fails start-up */
    public static ClientAddressResolver trusting(List<String> cidrs) {
        List<Block> blocks = new ArrayList<>();
        for (String cidr : cidrs == null ? List.<String>of() : cidrs) {
            if (cidr != null && !cidr.isBlank()) {
                blocks.add(Block.parse(cidr.strip()));
            }
        }
        return new ClientAddressResolver(List.copyOf(blocks));
    }

    /**
     * The client address of this API request as the audit interceptor resolved it (the same address its audit line
     * gets), for business records that note where an action came from (intake's item trail); else the peer — never
     * the raw header.
     */
    public static String clientAddressOf(HttpServletRequest request) {
        Object resolved = request.getAttribute(ATTRIBUTE);
        return resolved != null ? resolved.toString() : request.getRemoteAddr();
    }

    /**
     * @param forwardedFor the {@code X-Forwarded-For} header (may be null)
     * @param peer         the address that opened the connection
     */
    public String resolve(String forwardedFor, String peer) {
        if (!isTrusted(peer)) {
            return peer;
        }
        if (forwardedFor == null || forwardedFor.isBlank()) {
            return peer;
        }
        String[] entries = forwardedFor.split(",");
        String leftmost = peer;
        for (int i = entries.length - 1; i >= 0; i--) {
            String entry = hostOf(entries[i].strip());
            if (entry.isEmpty()) {
                continue;
            }
            if (!isTrusted(entry)) {
                return entry;
            }
            leftmost = entry;
        }
        return leftmost;
    }

    boolean isTrusted(String address) {
        byte[] bytes = literal(address);
        if (bytes == null) {
            return false;
        }
        for (Block block : trusted) {
            if (block.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    /** {@code 1.2.3.4:5678} → {@code 1.2.3.4}; {@code [2001:db8::1]:443} → {@code 2001:db8::1}. */
    static String hostOf(String entry) {
        if (entry.startsWith("[")) {
            int end = entry.indexOf(']');
            return end > 0 ? entry.substring(1, end) : entry;
        }
        int colon = entry.indexOf(':');
        if (colon > 0 && colon == entry.lastIndexOf(':') && IPV4.matcher(entry.substring(0, colon)).matches()) {
            return entry.substring(0, colon);
        }
        return entry;
    }

    /** The address bytes of an IP literal, or null for anything else (names are never resolved). */
    static byte[] literal(String address) {
        if (address == null) {
            return null;
        }
        String text = address.strip();
        if (!IPV4.matcher(text).matches() && !IPV6.matcher(text).matches()) {
            return null;
        }
        if (IPV4.matcher(text).matches()) {
            for (String part : text.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return null;
                }
            }
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException | IllegalArgumentException e) {
            return null;
        }
    }

    private record Block(byte[] network, int prefix) {

        static Block parse(String cidr) {
            int slash = cidr.indexOf('/');
            String host = slash < 0 ? cidr : cidr.substring(0, slash);
            byte[] network = literal(host);
            if (network == null) {
                throw new IllegalArgumentException("govinfo.audit.trusted-proxies: 不是 IP 地址或网段: " + cidr);
            }
            int prefix;
            try {
                prefix = slash < 0 ? network.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("govinfo.audit.trusted-proxies: 前缀长度不正确: " + cidr, e);
            }
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("govinfo.audit.trusted-proxies: 前缀长度超出范围: " + cidr);
            }
            return new Block(network, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int bits = network.length * 8;
            BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                    .shiftRight(prefix).xor(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
            return new BigInteger(1, address).and(mask).equals(new BigInteger(1, network).and(mask));
        }
    }
}
