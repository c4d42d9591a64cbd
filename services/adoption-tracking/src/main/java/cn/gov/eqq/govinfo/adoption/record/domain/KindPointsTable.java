package cn.gov.eqq.govinfo.adoption.record.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Points per kind, as versioned data with an effective date. This is a read-only MIRROR of scoring's policy
 * (scoring applies the points; adoption-tracking only shows the same reading). The shipped table is
 * {@code policy/adoption-kind-points.csv}; when scoring's policy changes, that file must change with it.
 */
public final class KindPointsTable {

    /** One version of the table: in force from {@code effectiveFrom} (Beijing date) until the next version. */
    public record Version(LocalDate effectiveFrom, Map<AdoptionKind, Integer> points) {
        public Version {
            Objects.requireNonNull(effectiveFrom, "effectiveFrom");
            points = Map.copyOf(points);
            for (AdoptionKind kind : AdoptionKind.values()) {
                if (!points.containsKey(kind)) {
                    throw new IllegalArgumentException("policy version " + effectiveFrom + " lacks points for " + kind);
                }
            }
        }
    }

    private final List<Version> versions;

    public KindPointsTable(List<Version> versions) {
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("the points table needs at least one version");
        }
        List<Version> sorted = new ArrayList<>(versions);
        sorted.sort(Comparator.comparing(Version::effectiveFrom));
        this.versions = List.copyOf(sorted);
    }

    /**
     * Reads lines {@code effective_from,kind,points} (a header line and lines starting with # are skipped).
     */
    public static KindPointsTable parse(List<String> lines) {
        Map<LocalDate, Map<AdoptionKind, Integer>> byDate = new java.util.TreeMap<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("effective_from")) {
                continue;
            }
            String[] parts = line.split(",");
            if (parts.length != 3) {
                throw new IllegalArgumentException("bad points line: " + raw);
            }
            LocalDate from = LocalDate.parse(parts[0].strip());
            AdoptionKind kind = AdoptionKind.valueOf(parts[1].strip());
            int points = Integer.parseInt(parts[2].strip());
            byDate.computeIfAbsent(from, d -> new EnumMap<>(AdoptionKind.class)).put(kind, points);
        }
        return new KindPointsTable(byDate.entrySet().stream()
                .map(e -> new Version(e.getKey(), e.getValue())).toList());
    }

    /** The points of a kind for a record dated {@code date}: the version in force on that date. */
    public int pointsOf(AdoptionKind kind, LocalDate date) {
        Version inForce = null;
        for (Version v : versions) {
            if (!v.effectiveFrom().isAfter(date)) {
                inForce = v;
            }
        }
        if (inForce == null) {
            // before the first version the notice did not apply: nothing to award
            return 0;
        }
        return inForce.points().get(kind);
    }

    public List<Version> versions() {
        return versions;
    }
}
