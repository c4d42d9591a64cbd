package cn.gov.eqq.govinfo.systemtest.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The expectation table {@code src/test/resources/security/roles.csv}: for each operation, the realm roles that may
 * call it, how an allowed call is probed, and which unit-owned object its path names (for the object-level test).
 * It is written from the notice's division of duties (docs/security.md), not from what the services answer.
 */
final class Matrix {

    /** The roles that do the system's business: {@code *} in roles.csv. */
    static final List<String> BUSINESS_ROLES = List.of("reporter", "unit-leader", "info-room", "viewer", "admin",
            "dashboard");
    /**
     * Every realm role: the business roles plus the security administrator (grants roles in Keycloak, no API here)
     * and the auditor (reads the audit logs only) — 三员分立, docs/identity.md.
     */
    static final List<String> ROLES = List.of("reporter", "unit-leader", "info-room", "viewer", "admin", "dashboard",
            "security-admin", "auditor");

    /**
     * @param key     {@code METHOD /path/{template}}
     * @param roles   roles that may call it
     * @param probe   {@code valid}: allowed roles send the example body (ids in the path do not exist, or the
     *                effect is harmless); {@code invalid}: they send an invalid body (the valid one would change
     *                shared state, e.g. a new unit or scoring policy) and must get past the role check to
     *                validation; {@code skip}: not called by allowed roles (explained in {@code why})
     * @param owner   {@code item} / {@code unit} when the path names an object owned by a unit, else {@code -}
     * @param why     a short reason for the row, shown in failures
     */
    record Row(String key, Set<String> roles, String probe, String owner, String why) {

        boolean allows(String role) {
            return roles.contains(role);
        }
    }

    private Matrix() {
    }

    static Map<String, Row> load() {
        Map<String, Row> rows = new LinkedHashMap<>();
        try (InputStream in = Matrix.class.getResourceAsStream("/security/roles.csv")) {
            if (in == null) {
                throw new IllegalStateException("security/roles.csv is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#") || line.startsWith("operation,")) {
                    continue;
                }
                String[] cells = line.split(",", 5);
                if (cells.length < 5) {
                    throw new IllegalStateException("roles.csv line " + number + ": 5 columns expected: " + line);
                }
                Set<String> roles = cells[1].isBlank() || cells[1].equals("-") ? Set.of()
                        : cells[1].equals("*") ? Set.copyOf(BUSINESS_ROLES)
                        : Arrays.stream(cells[1].split("\\|")).map(String::strip).collect(Collectors.toSet());
                for (String role : roles) {
                    if (!ROLES.contains(role)) {
                        throw new IllegalStateException("roles.csv line " + number + ": unknown role " + role);
                    }
                }
                String probe = cells[2].strip();
                if (!Set.of("valid", "invalid", "skip").contains(probe)) {
                    throw new IllegalStateException("roles.csv line " + number + ": probe is valid|invalid|skip");
                }
                Row row = new Row(cells[0].strip(), roles, probe, cells[3].strip(), cells[4].strip());
                if (rows.put(row.key(), row) != null) {
                    throw new IllegalStateException("roles.csv line " + number + ": " + row.key() + " twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
