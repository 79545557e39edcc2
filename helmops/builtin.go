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
