package helmops

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"strings"
	"testing"
)

func tgzOf(t *testing.T, files map[string][]byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	tw := tar.NewWriter(zw)
	for name, body := range files {
		if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(body)), Typeflag: tar.TypeReg}); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write(body); err != nil {
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

// TestCheckArchiveLimits: what is small compressed but large expanded is
// refused before Helm's loader sees it; a good chart loads.
func TestCheckArchiveLimits(t *testing.T) {
	chartYAML := []byte("apiVersion: v2\nname: x\nversion: 1.0.0\n")
	many := map[string][]byte{"x/Chart.yaml": chartYAML}
	for i := range MaxUploadFiles {
		many[fmt.Sprintf("x/templates/f%d.yaml", i)] = nil
	}
	bomb := map[string][]byte{"x/Chart.yaml": chartYAML, "x/templates/big.txt": make([]byte, MaxUploadExpanded+1)}
	for name, c := range map[string]struct {
		data []byte
		msg  string
	}{
		"too many files":  {tgzOf(t, many), "more than 1000 files"},
		"expands too far": {tgzOf(t, bomb), "expands to more than 8 MiB"},
		"empty":           {nil, "not gzip-compressed"},
	} {
		if len(c.data) > MaxUploadBytes {
			t.Fatalf("%s: the test archive is %d bytes, over the compressed limit", name, len(c.data))
		}
		_, err := CheckArchive(c.data)
		if !errors.Is(err, ErrBadArchive) || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("%s: %v, want %q", name, err, c.msg)
		}
	}
	ch, err := CheckArchive(tgzOf(t, map[string][]byte{"x/Chart.yaml": chartYAML, "x/templates/cm.yaml": []byte("kind: ConfigMap\n")}))
	if err != nil || ch.Metadata.Name != "x" || len(ch.Templates) != 1 {
		t.Fatalf("good chart: %v, %v", ch, err)
	}
	if _, ok := UploadDigest("upload://" + strings.Repeat("A", 64)); ok {
		t.Error("upper-case digest accepted")
	}
	if (ChartRef{Ref: "upload://" + strings.Repeat("a", 64)}).IsLocal() {
		t.Error("an uploaded chart counts as local")
	}
}
