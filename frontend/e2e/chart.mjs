// The Helm chart the e2e marketplace template deploys. The seeded
// catalogue's charts live in OCI registries on the internet; the tests run
// offline, so the platform admin adds a template whose chart is this local
// directory (SPEC section 4: a chart reference may be a local path). One
// template is slow to render (an empty loop), so that a deploy is still in
// progress when the service page has subscribed to its events.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

export const chartFiles = {
  "Chart.yaml": `apiVersion: v2
name: e2eweb
version: 1.0.0
appVersion: "1.0"
`,
  "values.yaml": `replicaCount: 1
tier: small
site:
  title: ""
auth:
  password: ""
metrics:
  enabled: false
`,
  "templates/slow.yaml": `{{- range until 2500 }}{{ range until 2500 }}{{ end }}{{ end }}`,
  "templates/deployment.yaml": `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}-web
spec:
  replicas: {{ .Values.replicaCount }}
  selector:
    matchLabels:
      app: {{ .Release.Name }}
  template:
    metadata:
      labels:
        app: {{ .Release.Name }}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          env:
            - name: SITE_TITLE
              value: {{ .Values.site.title | quote }}
            - name: TIER
              value: {{ .Values.tier | quote }}
            - name: METRICS
              value: {{ .Values.metrics.enabled | quote }}
`,
  "templates/secret.yaml": `apiVersion: v1
kind: Secret
metadata:
  name: {{ .Release.Name }}-auth
stringData:
  password: {{ .Values.auth.password | quote }}
`,
};

export function writeChart(dir) {
  for (const [name, body] of Object.entries(chartFiles)) {
    const p = join(dir, name);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, body);
  }
}

/** The template (CreateAppTemplateInput) over the chart in dir. */
export function templateInput(dir) {
  return {
    name: "E2E Web",
    slug: "e2e-web",
    description: "A small web app the end-to-end tests deploy",
    fullDescription: "A **test** app: a Deployment and a Secret, rendered in dry-run mode.",
    category: "web",
    tags: ["e2e", "web"],
    icon: "web",
    monthlyPrice: 0,
    chartRef: dir,
    defaultValues: { replicaCount: 1 },
    defaultPort: 80,
    ingressEnabled: true,
    valueSpecs: {
      required: [
        { key: "site.title", label: "Site title", type: "text", placeholder: "My site" },
        { key: "auth.password", label: "Admin password", type: "password" },
      ],
      optional: [
        { key: "replicaCount", label: "Replicas", type: "number", default: 1 },
        { key: "tier", label: "Tier", type: "select", options: ["small", "large"], default: "small" },
        { key: "metrics.enabled", label: "Enable metrics", type: "boolean", default: false },
      ],
    },
    active: true,
  };
}
