package cn.gov.eqq.govinfo.devstack;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The demo users of identity/govinfo-realm.json, read from the file so that the printed list never drifts. */
final class DemoAccounts {

    static final String PASSWORD = "Demo_2026";

    record Account(String username, List<String> roles, String unitId) {
    }

    private DemoAccounts() {
    }

    static List<Account> read(Path realmFile) {
        if (!Files.isRegularFile(realmFile)) {
            return List.of();
        }
        JsonNode realm = JsonMapper.builder().build().readTree(realmFile.toFile());
        List<Account> accounts = new ArrayList<>();
        for (JsonNode user : realm.path("users")) {
            String username = user.path("username").asString("");
            if (username.isEmpty() || username.startsWith("service-account-")) {
                continue; // machine clients log in with their client credentials, not a password
            }
            List<String> roles = new ArrayList<>();
            for (JsonNode role : user.path("realmRoles")) {
                if (!role.asString().startsWith("default-roles-")) {
                    roles.add(role.asString());
                }
            }
            JsonNode unit = user.path("attributes").path("unit_id");
            String unitId = unit.isArray() && !unit.isEmpty() ? unit.get(0).asString() : unit.asString("");
            accounts.add(new Account(username, roles, unitId));
        }
        return accounts;
    }

    static String table(List<Account> accounts) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("  %-16s %-14s %s%n", "用户 / user", "角色 / roles", "单位 / unit"));
        for (Account a : accounts) {
            out.append(String.format("  %-16s %-14s %s%n", a.username(), String.join(",", a.roles()),
                    a.unitId().isEmpty() ? "-" : a.unitId()));
        }
        out.append("  密码 / password: ").append(PASSWORD);
        return out.toString();
    }
}
