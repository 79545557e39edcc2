package main

// Chart upload (SPEC section 4): a platform admin uploads a chart archive,
// a template names it upload://<sha256>, and a deploy loads it from the
// database with no network (dry-run mode, no chart directory).

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/rand"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
)

// tgz builds a gzip-compressed tar of files (path → content).
func tgz(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	tw := tar.NewWriter(zw)
	for name, body := range files {
		if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(body)), Typeflag: tar.TypeReg}); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write([]byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// upload posts body to /api/charts and returns the status and the decoded
// JSON answer.
func upload(t *testing.T, c *client, body []byte, contentType string) (int, map[string]any) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, c.base+"/api/charts", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("Origin", c.base)
	resp, err := c.http.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var out map[string]any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatalf("upload: status %d, body not JSON: %s", resp.StatusCode, b)
	}
	return resp.StatusCode, out
}

func TestChartUpload(t *testing.T) {
	srv := startServer(t, newTestEnv(t))
	base := srv.URL
	root := register(t, base, "root@x.io", "Root") // the platform admin
	owner := register(t, base, "owner@x.io", "Olive")
	wsID := pick[string](t, owner.mustDo(t, createWorkspaceMut, map[string]any{"name": "Up"}), "createWorkspace.workspace.id")

	archive := tgz(t, map[string]string{
		"upapp/Chart.yaml":  "apiVersion: v2\nname: upapp\nversion: 0.3.0\n",
		"upapp/values.yaml": "greeting: hello\n",
		"upapp/templates/cm.yaml": `apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ .Release.Name }}-greeting
data:
  greeting: {{ .Values.greeting | quote }}
`,
	})

	// Others are refused before the body is looked at: a non-archive
	// body gets 403 too, not a complaint about the archive.
	for _, body := range [][]byte{archive, []byte("not a chart")} {
		if st, out := upload(t, owner.client, body, "application/gzip"); st != http.StatusForbidden || !strings.Contains(strings.ToUpper(toJSON(out)), "FORBIDDEN") {
			t.Errorf("non-admin upload: %d %v", st, out)
		}
	}
	anon := newClient(t, base, "anon")
	if st, _ := upload(t, anon, archive, "application/gzip"); st != http.StatusUnauthorized {
		t.Errorf("anonymous upload: %d, want 401", st)
	}
	// A form's content type is refused (CSRF), as on /query.
	if st, _ := upload(t, root.client, archive, "text/plain"); st != http.StatusUnsupportedMediaType {
		t.Errorf("text/plain upload: %d, want 415", st)
	}

	// Refused archives: BAD_USER_INPUT, the reason in words.
	big := make([]byte, 1<<20+10)
	_, _ = rand.Read(big)
	copy(big, []byte{0x1f, 0x8b})
	for _, c := range []struct {
		name string
		body []byte
		msg  string
	}{
		{"oversize", big, "larger than 1024 KiB"},
		{"not gzip", []byte("apiVersion: v2\nname: x\n"), "not gzip-compressed"},
		{"gzip but not tar", gz(t, []byte("hello, this is no tar")), "not a tar archive"},
		{"tar but not a chart", tgz(t, map[string]string{"x/readme.txt": "hi"}), "Helm cannot load it"},
		{"chart without a version", tgz(t, map[string]string{"x/Chart.yaml": "apiVersion: v2\nname: x\n"}), "version"},
	} {
		st, out := upload(t, root.client, c.body, "application/gzip")
		if st != http.StatusBadRequest || !strings.Contains(toJSON(out), "BAD_USER_INPUT") || !strings.Contains(toJSON(out), c.msg) {
			t.Errorf("%s: %d %v, want 400 BAD_USER_INPUT saying %q", c.name, st, out, c.msg)
		}
	}

	st, out := upload(t, root.client, archive, "application/gzip")
	ref, _ := out["chartRef"].(string)
	if st != http.StatusCreated || !strings.HasPrefix(ref, "upload://") || len(ref) != len("upload://")+64 || out["name"] != "upapp" || out["version"] != "0.3.0" {
		t.Fatalf("upload: %d %v", st, out)
	}
	// The same archive again: the same reference.
	if _, again := upload(t, root.client, archive, "application/gzip"); again["chartRef"] != ref {
		t.Errorf("second upload %v, want %s", again, ref)
	}

	// A template may name it; a digest never uploaded is refused.
	tpl := func(slug, chartRef string) map[string]any {
		return map[string]any{"input": map[string]any{"name": "Up App " + slug, "slug": slug, "category": "web", "chartRef": chartRef,
			"valueSpecs": map[string]any{"required": []any{}, "optional": []any{map[string]any{"key": "greeting", "label": "Greeting", "type": "text"}}}}}
	}
	root.expectErr(t, "BAD_USER_INPUT", "chartRef", createTemplateMut, tpl("up-none", "upload://"+strings.Repeat("0", 64)))
	root.expectErr(t, "BAD_USER_INPUT", "chartRef", createTemplateMut, tpl("up-bad", "upload://nothex"))
	tplID := pick[string](t, root.mustDo(t, createTemplateMut, tpl("up-app", ref)), "createAppTemplate.appTemplate.id")

	data := owner.mustDo(t, deployServiceMut, map[string]any{"input": map[string]any{"workspaceId": wsID, "templateId": tplID,
		"name": "Greeter", "values": map[string]any{"greeting": "hi from the upload"}}})
	svcID := pick[string](t, data, "deployService.service.id")
	waitState(t, owner, svcID, "running")
	m := pick[string](t, owner.mustDo(t, manifestQuery, map[string]any{"id": svcID}), "serviceManifest")
	if !strings.Contains(m, "kind: ConfigMap") || !strings.Contains(m, "hi from the upload") {
		t.Errorf("manifest of the uploaded chart:\n%s", m)
	}

	// The admin lists the archives with the templates that use them; a
	// second archive nobody uses is listed first (newest first).
	spare := tgz(t, map[string]string{"spare/Chart.yaml": "apiVersion: v2\nname: spare\nversion: 1.0.0\n"})
	_, out = upload(t, root.client, spare, "application/gzip")
	spareRef, _ := out["chartRef"].(string)
	list := root.mustDo(t, uploadedChartsQuery, map[string]any{"first": 10})
	if got := toJSON(list); !strings.Contains(got, `"chartRef":"`+spareRef+`","name":"spare","version":"1.0.0"`) ||
		!strings.Contains(got, `"chartRef":"`+ref+`","name":"upapp","version":"0.3.0","size":`+strconv.Itoa(len(archive))) ||
		!strings.Contains(got, `"templates":[{"slug":"up-app"}]`) || strings.Index(got, spareRef) > strings.Index(got, ref) {
		t.Errorf("uploadedCharts: %s", got)
	}
	if n := len(pick[[]any](t, root.mustDo(t, uploadedChartsQuery, map[string]any{"first": 1}), "uploadedCharts")); n != 1 {
		t.Errorf("uploadedCharts(first: 1) listed %d", n)
	}
	root.expectErr(t, "BAD_USER_INPUT", "first", uploadedChartsQuery, map[string]any{"first": 101})
	root.expectErr(t, "BAD_USER_INPUT", "first", uploadedChartsQuery, map[string]any{"first": 0})
	// Others may neither list nor delete, whatever they send.
	owner.expectErr(t, "FORBIDDEN", "", uploadedChartsQuery, map[string]any{"first": 1000})
	owner.expectErr(t, "FORBIDDEN", "", deleteUploadedChartMut, map[string]any{"input": map[string]any{"chartRef": "nonsense"}})

	// In use by a template: CONFLICT, naming it; the archive stays.
	root.expectErr(t, "CONFLICT", "", deleteUploadedChartMut, map[string]any{"input": map[string]any{"chartRef": ref}})
	root.expectErr(t, "BAD_USER_INPUT", "chartRef", deleteUploadedChartMut, map[string]any{"input": map[string]any{"chartRef": "upload://nothex"}})
	root.expectErr(t, "NOT_FOUND", "", deleteUploadedChartMut, map[string]any{"input": map[string]any{"chartRef": "upload://" + strings.Repeat("0", 64)}})
	del := root.mustDo(t, deleteUploadedChartMut, map[string]any{"input": map[string]any{"chartRef": spareRef}})
	if got := pick[string](t, del, "deleteUploadedChart.deletedChartRef"); got != spareRef {
		t.Errorf("deleted %q", got)
	}
	if got := toJSON(root.mustDo(t, uploadedChartsQuery, map[string]any{"first": 10})); strings.Contains(got, spareRef) || !strings.Contains(got, ref) {
		t.Errorf("after the delete: %s", got)
	}
	// Gone: no template may name it any more.
	root.expectErr(t, "BAD_USER_INPUT", "chartRef", createTemplateMut, tpl("up-spare", spareRef))
}

const uploadedChartsQuery = `query($first: Int!) { uploadedCharts(first: $first) { chartRef name version size uploadedAt templates { slug } } }`
const deleteUploadedChartMut = `mutation($input: DeleteUploadedChartInput!) { deleteUploadedChart(input: $input) { deletedChartRef } }`

func gz(t *testing.T, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	_, _ = zw.Write(b)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func toJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
