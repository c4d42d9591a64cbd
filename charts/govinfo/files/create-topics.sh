#!/usr/bin/env bash
# Creates every topic of the catalogue (topics.tsv beside this script, generated from platform/event-contracts
# Topics) and applies its settings on every run, so a topic made earlier with other settings is corrected.
# Used by the compose job `kafka-topics` and by the chart's topic Job (clusters without Strimzi).
# Environment: KAFKA_BOOTSTRAP_SERVERS, TOPIC_REPLICATION_FACTOR, TOPIC_MIN_INSYNC_REPLICAS, TOPICS_FILE,
# optionally KAFKA_SECURITY_PROTOCOL (default PLAINTEXT), KAFKA_SASL_MECHANISM, KAFKA_USERNAME, KAFKA_PASSWORD,
# KAFKA_CA_FILE (PEM), KAFKA_BIN (default /opt/kafka/bin).
set -euo pipefail
bin="${KAFKA_BIN:-/opt/kafka/bin}"
bootstrap="${KAFKA_BOOTSTRAP_SERVERS:?KAFKA_BOOTSTRAP_SERVERS is required}"
replicas="${TOPIC_REPLICATION_FACTOR:?TOPIC_REPLICATION_FACTOR is required}"
min_isr="${TOPIC_MIN_INSYNC_REPLICAS:?TOPIC_MIN_INSYNC_REPLICAS is required}"
topics_file="${TOPICS_FILE:?TOPICS_FILE is required}"
protocol="${KAFKA_SECURITY_PROTOCOL:-PLAINTEXT}"

client="$(mktemp /tmp/kafka-client.XXXXXX)"
trap 'rm -f "$client"' EXIT
echo "security.protocol=$protocol" > "$client"
case "$protocol" in
  SASL_*)
    mechanism="${KAFKA_SASL_MECHANISM:-SCRAM-SHA-512}"
    echo "sasl.mechanism=$mechanism" >> "$client"
    echo "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"${KAFKA_USERNAME:?}\" password=\"${KAFKA_PASSWORD:?}\";" >> "$client"
    ;;
esac
if [ -n "${KAFKA_CA_FILE:-}" ]; then
  printf 'ssl.truststore.type=PEM\nssl.truststore.location=%s\n' "$KAFKA_CA_FILE" >> "$client"
fi

count=0
while read -r name writer partitions policy retention kind; do
  case "$name" in ''|'#'*) continue ;; esac
  settings="cleanup.policy=$policy,retention.ms=$retention,min.insync.replicas=$min_isr"
  "$bin/kafka-topics.sh" --bootstrap-server "$bootstrap" --command-config "$client" --create --if-not-exists \
    --topic "$name" --partitions "$partitions" --replication-factor "$replicas" \
    --config "cleanup.policy=$policy" --config "retention.ms=$retention" --config "min.insync.replicas=$min_isr"
  # --if-not-exists leaves an existing topic alone: the settings are applied by an alter, every run
  "$bin/kafka-configs.sh" --bootstrap-server "$bootstrap" --command-config "$client" --alter \
    --entity-type topics --entity-name "$name" --add-config "$settings"
  echo "topic $name ($kind, writer $writer): $partitions partitions, $settings"
  count=$((count + 1))
done < "$topics_file"
echo "$count topics in place"
