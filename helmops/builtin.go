package helmops

import (
	"embed"
	"fmt"
	"io/fs"
	"strings"

	"helm.sh/helm/v3/pkg/chart"
	"helm.sh/helm/v3/pkg/chart/loader"
)

// BuiltinScheme starts a chart reference to a chart built into the binary
// ("builtin://container-app"): it loads with no network and no disk.
const BuiltinScheme = "builtin://"

//go:embed all:builtin
var builtinFS embed.FS

// IsBuiltin reports whether ref names a chart built into the binary.
func IsBuiltin(ref string) bool { return strings.HasPrefix(ref, BuiltinScheme) }

// BuiltinChart loads the built-in chart ref names ("builtin://<name>");
// an unknown name is ErrChartNotFound.
func BuiltinChart(ref string) (*chart.Chart, error) {
	name := strings.TrimPrefix(ref, BuiltinScheme)
	if name == "" || strings.ContainsAny(name, "/.\\") {
		return nil, fmt.Errorf("%w: no built-in chart %q", ErrChartNotFound, name)
	}
	root := "builtin/" + name
	var files []*loader.BufferedFile
	err := fs.WalkDir(builtinFS, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := builtinFS.ReadFile(p)
		if err != nil {
			return err
		}
		files = append(files, &loader.BufferedFile{Name: strings.TrimPrefix(p, root+"/"), Data: data})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("%w: no built-in chart %q", ErrChartNotFound, name)
	}
	return loader.LoadFiles(files)
}

// PortValueAnnotation, in a chart's Chart.yaml annotations, names the
// value key that holds the port the app listens on (the Container app's
// "port"): a service of such a chart has that port, not its template's
// default.
const PortValueAnnotation = "paas.woow.io/port-value"

// PortValueKey is the value key holding the app's port for the built-in
// chart ref names, or "" (another chart, or one that does not say). Only
// built-in charts are read here: they load from the binary, at no cost.
func PortValueKey(ref string) string {
	if !IsBuiltin(ref) {
		return ""
	}
	ch, err := BuiltinChart(ref)
	if err != nil {
		return ""
	}
	return ch.Metadata.Annotations[PortValueAnnotation]
}
