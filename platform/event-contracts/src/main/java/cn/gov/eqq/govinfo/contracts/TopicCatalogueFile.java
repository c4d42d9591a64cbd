package cn.gov.eqq.govinfo.contracts;

import java.util.StringJoiner;

/**
 * {@link Topics#CATALOGUE} as the plain text file {@code charts/govinfo/files/topics.tsv} that the Helm chart
 * ({@code .Files.Get}) and the compose topic job ({@code while read}) read: a comment header, then one topic per
 * line, fields separated by one space: name, writer, partitions, cleanup.policy, retention.ms, kind
 * ({@code event} or {@code dead-letter}). Both readers split on whitespace, so no field may contain a space.
 */
public final class TopicCatalogueFile {

    /** Where the file lives, relative to the repository root. */
    public static final String PATH = "charts/govinfo/files/topics.tsv";

    private TopicCatalogueFile() {
    }

    /** The file's exact content. */
    public static String render() {
        StringBuilder out = new StringBuilder()
                .append("# Generated from platform/event-contracts Topics.CATALOGUE by TopicCatalogueFile; do not edit.\n")
                .append("# Regenerate: ./mvnw -q -B -pl charts -am verify -Dtest=TopicCatalogueTest")
                .append(" -Dsurefire.failIfNoSpecifiedTests=false -Dgovinfo.topics.regenerate=true\n")
                .append("# name writer partitions cleanup.policy retention.ms kind\n");
        for (Topics.Spec spec : Topics.CATALOGUE) {
            StringJoiner line = new StringJoiner(" ");
            for (String field : new String[] {spec.name(), spec.writer(), Integer.toString(spec.partitions()),
                    spec.cleanupPolicy().config(), Long.toString(spec.retentionMs()),
                    spec.deadLetter() ? "dead-letter" : "event"}) {
                if (field.isEmpty() || field.chars().anyMatch(Character::isWhitespace)) {
                    throw new IllegalStateException("a catalogue field must be one word: '" + field + "'");
                }
                line.add(field);
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }
}
