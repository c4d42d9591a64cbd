{{/*
Names, labels and per-service helpers. Every template ranges over .Values.services and builds a context
(dict "root" $ "name" <service> "svc" <serviceDefaults merged with the service's own entry>).
*/}}

{{- define "govinfo.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "govinfo.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "govinfo.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* serviceDefaults merged with one service's entry, as YAML: include with (dict "root" $ "cfg" $cfg). */}}
{{- define "govinfo.merged" -}}
{{- toYaml (mergeOverwrite (deepCopy .root.Values.serviceDefaults) (deepCopy .cfg)) -}}
{{- end -}}

{{/* Object name of one service: <fullname>-<service>. */}}
{{- define "govinfo.svcName" -}}
{{- printf "%s-%s" (include "govinfo.fullname" .root) .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Selector labels: name and instance only (a selector cannot change after install). */}}
{{- define "govinfo.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "govinfo.imageTag" -}}
{{- $img := .svc.image | default dict -}}
{{- $img.tag | default .root.Values.image.tag | default .root.Chart.AppVersion -}}
{{- end -}}

{{- define "govinfo.labels" -}}
{{ include "govinfo.selectorLabels" . }}
app.kubernetes.io/component: {{ .svc.role }}
app.kubernetes.io/part-of: {{ include "govinfo.name" .root }}
app.kubernetes.io/version: {{ include "govinfo.imageTag" . | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ include "govinfo.chart" .root }}
{{- with .root.Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* Labels of objects that belong to the release rather than to one service (deny-all policy, topics). */}}
{{- define "govinfo.releaseLabels" -}}
app.kubernetes.io/name: {{ include "govinfo.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/part-of: {{ include "govinfo.name" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ include "govinfo.chart" . }}
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{- define "govinfo.image" -}}
{{- $img := .svc.image | default dict -}}
{{- $repo := required (printf "services.%s.image.repository is required" .name) $img.repository -}}
{{- if .root.Values.image.registry -}}
{{- printf "%s/%s:%s" .root.Values.image.registry $repo (include "govinfo.imageTag" .) -}}
{{- else -}}
{{- printf "%s:%s" $repo (include "govinfo.imageTag" .) -}}
{{- end -}}
{{- end -}}

{{/* The dead-letter topic of a consuming service (Topics.deadLetterTopicOf). */}}
{{- define "govinfo.deadLetterTopic" -}}
{{- printf "%s.dead-letter.v1" . -}}
{{- end -}}

{{/*
The topic catalogue as JSON {"topics": [{name, writer, partitions, cleanupPolicy, retentionMs, deadLetter}]}, read from
files/topics.tsv, which is generated from Topics in platform/event-contracts (never edited by hand). Call with the root.
*/}}
{{- define "govinfo.topics" -}}
{{- $topics := list -}}
{{- range splitList "\n" (.Files.Get "files/topics.tsv") -}}
{{- $line := trim . -}}
{{- if and $line (not (hasPrefix "#" $line)) -}}
{{- $f := splitList " " $line -}}
{{- $topics = append $topics (dict "name" (index $f 0) "writer" (index $f 1) "partitions" (index $f 2) "cleanupPolicy" (index $f 3) "retentionMs" (index $f 4) "deadLetter" (eq (index $f 5) "dead-letter")) -}}
{{- end -}}
{{- end -}}
{{- if not $topics -}}{{- fail "files/topics.tsv is missing or empty" -}}{{- end -}}
{{- toJson (dict "topics" $topics) -}}
{{- end -}}

{{/* Topics a service writes, as JSON: the catalogue entries it is the writer of (its dead-letter topic included). */}}
{{- define "govinfo.writes" -}}
{{- $writes := list -}}
{{- range (include "govinfo.topics" .root | fromJson).topics -}}
{{- if eq .writer $.name -}}
{{- $writes = append $writes .name -}}
{{- end -}}
{{- end -}}
{{- toJson $writes -}}
{{- end -}}

{{/* Non-empty when the services authenticate to Kafka with SASL/SCRAM. */}}
{{- define "govinfo.kafkaSasl" -}}
{{- if hasPrefix "SASL_" .Values.kafka.securityProtocol -}}true{{- end -}}
{{- end -}}

{{/* Non-empty when the services must trust the brokers' CA from a mounted Secret. */}}
{{- define "govinfo.kafkaCaMounted" -}}
{{- if and .Values.kafka.tls.caSecret (hasSuffix "SSL" .Values.kafka.securityProtocol) -}}true{{- end -}}
{{- end -}}

{{/* Non-secret configuration of one service as environment variables (its ConfigMap's data). */}}
{{- define "govinfo.configData" -}}
{{- $v := .root.Values -}}
SERVER_PORT: {{ .svc.port | quote }}
SERVER_ADDRESS: "0.0.0.0"
JAVA_TOOL_OPTIONS: {{ .svc.javaToolOptions | quote }}
{{- /* read by glibc, not the JVM: 2 malloc arenas instead of 8 per core, each holding freed native memory
       (docs/performance.md, section 6) */}}
MALLOC_ARENA_MAX: "2"
GOVINFO_LOG_FORMAT: {{ $v.logging.format | quote }}
TRACING_SAMPLING_PROBABILITY: {{ $v.tracing.samplingProbability | quote }}
{{- with $v.tracing.otlpEndpoint }}
MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT: {{ . | quote }}
{{- end }}
KEYCLOAK_ISSUER_URI: {{ $v.keycloak.issuerUri | quote }}
GOVINFO_JWT_AUDIENCE: {{ $v.keycloak.audience | quote }}
{{- if $v.keycloak.jwkSetUri }}
KEYCLOAK_JWKS_URI: {{ $v.keycloak.jwkSetUri | quote }}
{{- end }}
{{- if and (ne .svc.role "gateway") $v.clientAddress.trustedProxies }}
GOVINFO_AUDIT_TRUSTED_PROXIES: {{ join "," (concat $v.clientAddress.trustedProxies (list "127.0.0.0/8" "::1/128")) | quote }}
{{- end }}
{{- if and (eq .svc.role "gateway") $v.clientAddress.gatewayTrustedProxies }}
GATEWAY_TRUSTED_PROXIES: {{ $v.clientAddress.gatewayTrustedProxies | quote }}
{{- end }}
{{- if eq .svc.role "gateway" }}
{{- with $v.keycloak.internalUri }}
KEYCLOAK_INTERNAL_URI: {{ . | quote }}
{{- end }}
{{- range $name, $cfg := $v.services }}
{{- if and $cfg.enabled $cfg.routeEnv }}
{{ $cfg.routeEnv }}: {{ printf "http://%s:%v" (include "govinfo.svcName" (dict "root" $.root "name" $name)) $cfg.port | quote }}
{{- end }}
{{- end }}
{{- else }}
KAFKA_BOOTSTRAP_SERVERS: {{ $v.kafka.bootstrapServers | quote }}
SPRING_KAFKA_SECURITY_PROTOCOL: {{ $v.kafka.securityProtocol | quote }}
{{- if include "govinfo.kafkaSasl" .root }}
SPRING_KAFKA_PROPERTIES_SASL_MECHANISM: {{ $v.kafka.sasl.mechanism | quote }}
{{- end }}
{{- if include "govinfo.kafkaCaMounted" .root }}
SPRING_KAFKA_PROPERTIES_SSL_TRUSTSTORE_TYPE: "PEM"
SPRING_KAFKA_PROPERTIES_SSL_TRUSTSTORE_LOCATION: {{ printf "/etc/govinfo/kafka-ca/%s" $v.kafka.tls.caKey | quote }}
{{- end }}
{{- with .svc.mail }}
SMTP_HOST: {{ required "mail.host is required" .host | quote }}
SMTP_PORT: {{ required "mail.port is required" .port | quote }}
SMTP_AUTH: {{ .auth | default false | quote }}
SMTP_STARTTLS: {{ .starttls | default false | quote }}
COMMISSION_MAIL_FROM: {{ required "mail.from is required" .from | quote }}
{{- end }}
{{- end }}
{{- end -}}
