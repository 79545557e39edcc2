{{/* Chart name, truncated to the 63 characters of a DNS label. */}}
{{- define "woow.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Fully qualified name of the release's objects. */}}
{{- define "woow.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "woow.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "woow.selectorLabels" -}}
app.kubernetes.io/name: {{ include "woow.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "woow.labels" -}}
helm.sh/chart: {{ include "woow.chart" . }}
{{ include "woow.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "woow.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "woow.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* "true" when the server uses PostgreSQL. */}}
{{- define "woow.postgres" -}}
{{- if or .Values.database.url .Values.database.existingSecret }}true{{ end }}
{{- end }}

{{/* "true" when /data is a PersistentVolumeClaim (SQLite only). */}}
{{- define "woow.persistent" -}}
{{- if and .Values.persistence.enabled (not (include "woow.postgres" .)) }}true{{ end }}
{{- end }}

{{/* The chart's Secret holds the values below; "true" when it has any. */}}
{{- define "woow.hasSecret" -}}
{{- with .Values }}
{{- if or (and .secretKey (not .existingSecret)) (and .database.url (not .database.existingSecret)) .config.smtpURL .config.cloudflare.apiToken }}true{{ end }}
{{- end }}
{{- end }}

{{/* WOOW_PUBLIC_URL: config.publicURL, else the first Ingress host. */}}
{{- define "woow.publicURL" -}}
{{- if .Values.config.publicURL }}
{{- .Values.config.publicURL }}
{{- else if and .Values.ingress.enabled .Values.ingress.hosts }}
{{- $host := (first .Values.ingress.hosts).host }}
{{- if $host }}
{{- printf "%s://%s" (ternary "https" "http" (gt (len .Values.ingress.tls) 0)) $host }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Refuse value sets that cannot work, with a message naming the fix.
*/}}
{{- define "woow.validate" -}}
{{- $v := .Values }}
{{- if and (gt (int $v.replicaCount) 1) (not (include "woow.postgres" .)) }}
{{- fail (printf "replicaCount %d needs PostgreSQL: SQLite (the default) supports one replica only. Set database.url (postgres://...) or database.existingSecret, or set replicaCount to 1." (int $v.replicaCount)) }}
{{- end }}
{{- if and $v.database.url (not (hasPrefix "postgres://" $v.database.url)) (not (hasPrefix "postgresql://" $v.database.url)) }}
{{- fail "database.url must be a PostgreSQL URL: postgres://user:password@host:5432/db?sslmode=require" }}
{{- end }}
{{- if not (or $v.secretKey $v.existingSecret) }}
{{- fail "Set secretKey (make one with: openssl rand -hex 32) or existingSecret (a Secret with the key under existingSecretKey). It encrypts secrets at rest and must stay the same across upgrades and replicas: keep a copy." }}
{{- end }}
{{- if and $v.rbac.create (eq $v.rbac.scope "namespaces") (not $v.rbac.namespaces) }}
{{- fail "rbac.scope=namespaces needs rbac.namespaces: the workspace namespaces (paas-ws-<8 hex digits>) to grant rights in." }}
{{- end }}
{{- if and $v.config.smtpURL (not $v.config.mailFrom) }}
{{- fail "config.smtpURL needs config.mailFrom (the sender of e-mails)" }}
{{- end }}
{{- if and $v.config.smtpURL (not (include "woow.publicURL" .)) }}
{{- fail "config.smtpURL needs config.publicURL (or an enabled Ingress with a host): e-mailed links must point where users reach the app" }}
{{- end }}
{{- end }}
