package cn.gov.eqq.govinfo.systemtest.upgrade;

import cn.gov.eqq.govinfo.testsupport.keycloak.Tokens;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the system answers about a year that matters after an upgrade or a restore, saved one answer a file: every
 * circular the room lists, and of each published (or superseded) one its JSON, DOCX and XLSX; every group's ranking
 * of every month, quarter and the year as reporting keeps it and as scoring computes it; every unit's points and
 * their explanations for the year and each quarter. The same capture runs on the system the fixture was made on and
 * on the restored systems, and the two directories are compared ({@link AnswerComparison}).
 */
final class SystemAnswers {

    static final int YEAR = 2025;
    static final List<Integer> GROUPS = List.of(1, 2, 3);

    private SystemAnswers() {
    }

    static List<String> periods() {
        List<String> periods = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            periods.add(YEAR + "-%02d".formatted(m));
        }
        for (int q = 1; q <= 4; q++) {
            periods.add(YEAR + "-Q" + q);
        }
        periods.add(Integer.toString(YEAR));
        return periods;
    }

    /** Captures every answer into {@code dir} (created); returns the number of files written. */
    static int capture(Api api, Tokens tokens, Path dir) {
        String room = tokens.password("room-editor");
        String leader = tokens.password("banner-leader");
        List<String> written = new ArrayList<>();
        Api.Answer list = require(api.get("/api/reporting/circulars", room));
        save(dir, "circulars/list.json", list.body(), written);
        for (JsonNode c : list.json()) {
            String status = c.get("status").asString();
            if (!status.equals("PUBLISHED") && !status.equals("SUPERSEDED")) {
                continue;
            }
            String id = c.get("id").asString();
            save(dir, "circulars/" + id + ".json", require(api.get("/api/reporting/circulars/" + id, leader)).body(),
                    written);
            save(dir, "circulars/" + id + ".docx",
                    require(api.get("/api/reporting/circulars/" + id + "/document.docx", leader)).body(), written);
            save(dir, "circulars/" + id + ".xlsx",
                    require(api.get("/api/reporting/circulars/" + id + "/document.xlsx", leader)).body(), written);
        }
        for (String period : periods()) {
            for (int group : GROUPS) {
                String query = "?group=" + group + "&period=" + period;
                save(dir, "rankings/reporting-" + period + "-g" + group + ".json",
                        require(api.get("/api/reporting/rankings" + query, leader)).body(), written);
                save(dir, "rankings/scoring-" + period + "-g" + group + ".json",
                        require(api.get("/api/scoring/rankings" + query, leader)).body(), written);
            }
        }
        List<String> explained = List.of(Integer.toString(YEAR), YEAR + "-Q1", YEAR + "-Q2", YEAR + "-Q3", YEAR + "-Q4");
        for (JsonNode unit : require(api.get("/api/intake/units", room)).json()) {
            String unitId = unit.get("unitId").asString();
            for (String period : explained) {
                save(dir, "explanations/" + unitId + "-" + period + ".json",
                        require(api.get("/api/scoring/units/" + unitId + "/score?period=" + period, leader)).body(),
                        written);
            }
        }
        return written.size();
    }

    static Api.Answer require(Api.Answer answer) {
        if (!answer.ok()) {
            throw new IllegalStateException("unexpected answer: " + answer);
        }
        return answer;
    }

    private static void save(Path dir, String name, byte[] body, List<String> written) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.write(file, body);
            written.add(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
