package cn.gov.eqq.govinfo.systemtest;

import cn.gov.eqq.govinfo.devstack.DevStack;
import cn.gov.eqq.govinfo.devstack.Service;
import cn.gov.eqq.govinfo.systemtest.security.ApiSurface;
import cn.gov.eqq.govinfo.systemtest.security.Operation;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The map from every operation of the services' OpenAPI documents to the portal page that uses it
 * ({@code portal/api-map.csv}, issue 19), checked against the running services and the portal's source: an endpoint
 * added without a page (or a reason why none) fails, naming it; so does a row no service declares any more, and a
 * row whose page does not call its path. No browser: the documents come from the services ({@code /v3/api-docs}) and
 * the source from {@code portal/src}.
 *
 * <p>"Calls its path" is a text search in one file of {@code portal/src}: the path's first three segments
 * ({@code /api/intake/items}), not followed by a letter, digit or {@code -} (nor by {@code /} when that is the whole
 * path: {@code /api/adoption/items/${id}} does not call the list), and each further literal segment
 * ({@code attachments}, {@code document.docx}; not the {@code {parameters}}) after a {@code /} or a quote and not
 * followed by one — which finds the composed calls ({@code `${base}/refresh`}, {@code `${k.api}/template`}). It does
 * not check the method. Each route must name a page the portal's source routes to ({@code #/inbox} → {@code 'inbox'}).
 */
class ApiMapIT {

    private static final Path MAP = Path.of("portal", "api-map.csv");
    private static final Path SOURCE = Path.of("portal", "src");
    private static final Pattern ROUTE = Pattern.compile("#/([a-z-]+)(/[^|]*)?");

    @Test
    void everyOperationOfEveryServiceHasARowInThePortalsApiMap() {
        Map<String, String> map = readMap();
        List<String> missing = operations().stream().map(Operation::key).filter(key -> !map.containsKey(key))
                .toList();
        assertThat(missing).as("operations of the services' OpenAPI without a row in portal/api-map.csv (name the "
                + "page that uses each, or none: why)").isEmpty();
    }

    @Test
    void everyRowOfTheMapNamesAnOperationAServiceDeclares() {
        Set<String> declared = new TreeSet<>(operations().stream().map(Operation::key).toList());
        List<String> stale = readMap().keySet().stream().filter(key -> !declared.contains(key)).toList();
        assertThat(stale).as("rows of portal/api-map.csv that no service's OpenAPI declares").isEmpty();
    }

    @Test
    void everyMappedPathIsCalledInThePortalsSourceFromAPageTheRouterKnows() {
        Map<Path, String> sources = readSources();
        String all = String.join("\n", sources.values());
        List<String> failures = new ArrayList<>();
        int mapped = 0;
        for (Map.Entry<String, String> row : readMap().entrySet()) {
            String page = row.getValue();
            if (page.startsWith("none:")) {
                if (page.substring(5).isBlank()) {
                    failures.add(row.getKey() + ": none without a reason");
                }
                continue;
            }
            mapped++;
            String path = row.getKey().substring(row.getKey().indexOf(' ') + 1);
            if (sources.values().stream().noneMatch(text -> calls(text, path))) {
                failures.add(row.getKey() + ": no file of portal/src calls " + path);
            }
            for (String route : page.split("\\|")) {
                var m = ROUTE.matcher(route.strip());
                if (!m.matches()) {
                    failures.add(row.getKey() + ": '" + route + "' is neither a route (#/page…) nor none: reason");
                } else if (!Stream.of("'" + m.group(1) + "'", "#/" + m.group(1), "'/" + m.group(1))
                        .anyMatch(all::contains)) {
                    failures.add(row.getKey() + ": the portal routes to no page " + m.group(1));
                }
            }
        }
        assertThat(mapped).as("rows with a page").isPositive();
        assertThat(failures).as("rows of portal/api-map.csv whose page does not call the path").isEmpty();
    }

    /** See the class comment: the path's base and then each further literal segment, all in the same file. */
    static boolean calls(String source, String path) {
        String[] segments = path.substring(1).split("/");
        String base = "/" + String.join("/", List.of(segments).subList(0, Math.min(3, segments.length)));
        // a path that is only its base must not be found as the start of a longer one
        String after = segments.length > 3 ? "(?![\\w-])" : "(?![\\w/-])";
        if (!Pattern.compile(Pattern.quote(base) + after).matcher(source).find()) {
            return false;
        }
        for (int i = 3; i < segments.length; i++) {
            if (!segments[i].startsWith("{") && !Pattern.compile("[/'\"`]" + Pattern.quote(segments[i]) + "(?![\\w.-])")
                    .matcher(source).find()) {
                return false;
            }
        }
        return true;
    }

    private static List<Operation> operations() {
        DevStack stack = RunningSystem.stack();
        Map<Service, String> urls = new EnumMap<>(Service.class);
        for (Service service : Service.backends()) {
            urls.put(service, stack.serviceUrl(service));
        }
        return ApiSurface.read(urls);
    }

    /** operation → page, in file order; a row twice fails here. */
    static Map<String, String> readMap() {
        Map<String, String> rows = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(RunningSystem.repoRoot().resolve(MAP))) {
                if (line.isBlank() || line.startsWith("#") || line.equals("operation,page")) {
                    continue;
                }
                int comma = line.indexOf(',');
                if (comma < 0 || rows.put(line.substring(0, comma).strip(), line.substring(comma + 1).strip()) != null) {
                    throw new IllegalStateException("portal/api-map.csv: not a row, or a row twice: " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static Map<Path, String> readSources() {
        Map<Path, String> sources = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(RunningSystem.repoRoot().resolve(SOURCE))) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                sources.put(file, Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sources;
    }
}
