{{- define "app.name" -}}{{ .Release.Name | trunc 63 | trimSuffix "-" }}{{- end -}}
{{- define "app.labels" -}}
app.kubernetes.io/name: container-app
app.kubernetes.io/instance: {{ .Release.Name | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service | quote }}
{{- end -}}
{{- define "app.selector" -}}
app.kubernetes.io/name: container-app
app.kubernetes.io/instance: {{ .Release.Name | quote }}
{{- end -}}
{{- define "app.hasSecret" -}}{{- range .Values.env }}{{ if .secret }}yes{{ end }}{{ end -}}{{- end -}}
