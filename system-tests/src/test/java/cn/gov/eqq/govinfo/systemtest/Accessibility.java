package cn.gov.eqq.govinfo.systemtest;

import com.microsoft.playwright.Page;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * axe-core, the version portal/package.json pins ({@code portal/node_modules/axe-core/axe.min.js}, there after
 * {@code npm ci} in portal/), run on the page at every screenshot of a portal journey with the WCAG 2.0/2.1 A and AA
 * rules. A violation of impact serious or critical fails the step, naming rule, help and elements; moderate and
 * minor ones are only written to {@code target/accessibility/axe-report.txt} for review.
 *
 * <p>The script goes in through Playwright's {@code page.evaluate}, not as a script tag: the portal's CSP
 * ({@code script-src 'self'}) refuses inline and foreign scripts, while the DevTools protocol's evaluation is not
 * subject to the page's CSP (axe's own template functions included; tried on Chromium with the portal's policy).
 * Bypassing the CSP for the whole browser context would instead hide from the journeys what the CSP refuses the
 * portal itself.
 *
 * <p>{@code -Daxe.reportOnly=true} writes serious and critical violations to the report too, without failing: one
 * run then lists every page's findings instead of stopping at the first.
 */
final class Accessibility {

    private static final Path AXE = Path.of("portal", "node_modules", "axe-core", "axe.min.js");
    private static final Path REPORT = Path.of("target", "accessibility", "axe-report.txt");
    private static final Set<String> FAILING = Set.of("serious", "critical");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RUN = """
            async () => {
              const r = await axe.run(document, {
                runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
                resultTypes: ['violations'] });
              return JSON.stringify(r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.map((n) => n.target.join(' ')) })));
            }""";

    private static String script;

    private Accessibility() {
    }

    /** Runs axe on what the page shows now; fails on a serious or critical violation. */
    static void check(Page page, String step) {
        if (!(Boolean) page.evaluate("() => typeof window.axe === 'object'")) {
            page.evaluate(axeScript());
        }
        List<String> failing = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (JsonNode v : JSON.readTree((String) page.evaluate(RUN))) {
            String line = "[" + v.path("impact").asString() + "] " + v.path("id").asString() + ": "
                    + v.path("help").asString() + " — " + String.join(", ", targets(v));
            all.add(line);
            if (FAILING.contains(v.path("impact").asString())) {
                failing.add(line);
            }
        }
        report(step, page.url(), all);
        if (!failing.isEmpty() && !Boolean.getBoolean("axe.reportOnly")) {
            throw new AssertionError("axe-core: " + failing.size() + " serious or critical accessibility "
                    + "violation(s) at step " + step + " (" + page.url() + "):\n  " + String.join("\n  ", failing));
        }
    }

    private static List<String> targets(JsonNode violation) {
        List<String> targets = new ArrayList<>();
        for (JsonNode t : violation.path("targets")) {
            targets.add(t.asString());
        }
        return targets.size() > 8 ? List.of(String.join(", ", targets.subList(0, 8)), "… " + targets.size()
                + " elements in all") : targets;
    }

    private static synchronized String axeScript() {
        if (script == null) {
            Path file = RunningSystem.repoRoot().resolve(AXE);
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException(file + " is missing: run `npm ci` in portal/ (axe-core is a "
                        + "devDependency of the portal; the portal module's build runs it)");
            }
            try {
                script = Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return script;
    }

    private static synchronized void report(String step, String url, List<String> violations) {
        StringBuilder text = new StringBuilder(step).append(" ").append(url).append('\n');
        violations.forEach(v -> text.append("  ").append(v).append('\n'));
        if (violations.isEmpty()) {
            text.append("  no violation\n");
        }
        try {
            Files.createDirectories(REPORT.getParent());
            Files.writeString(REPORT, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
