package helmops

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ErrLocalChartRefused: a local chart path that is not inside the chart
// directories (Config.ChartDirs), or local charts are disabled (no chart
// directories). Local chart paths come from templates, which platform
// admins write: without this limit a template could make the server read
// any file it can (a chart's files end up in rendered manifests).
var ErrLocalChartRefused = errors.New("local chart path refused")

// SplitChartDirs splits a list of chart directories separated like PATH,
// by the OS list separator (":" on Unix, ";" on Windows), dropping empty
// entries: the form of the server's WOOW_CHART_DIRS. Commas are not
// separators, so a directory name may hold one.
func SplitChartDirs(list string) []string {
	var out []string
	for _, d := range filepath.SplitList(list) {
		if d != "" {
			out = append(out, d)
		}
	}
	return out
}

// LocalChartPath resolves path (relative to the working directory; ".."
// cleaned away as filepath.Clean does, then symbolic links resolved) and
// returns it if it lies inside one of dirs (each resolved the same way),
// comparing whole path segments: "/charts-evil" is not inside "/charts". A
// chart directory must not hold a symbolic link leading outside dirs
// either: Helm follows links inside a chart, and would read their targets
// into the chart's files.
//
// It returns an error wrapping ErrLocalChartRefused when the path is
// outside, or when dirs is empty (local charts disabled), and
// ErrChartNotFound when nothing is there (said only for a path inside
// dirs, so that the check tells nothing about the rest of the disk). The
// caller loads the returned path, not the one it was given.
func LocalChartPath(dirs []string, path string) (string, error) {
	if len(dirs) == 0 {
		return "", fmt.Errorf("%w: local charts are disabled (no chart directories are configured)", ErrLocalChartRefused)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", fmt.Errorf("%w: %s: %w", ErrLocalChartRefused, path, err)
	}
	real, err := filepath.EvalSymlinks(abs)
	switch {
	case err != nil && errors.Is(err, fs.ErrNotExist) && within(absolute(dirs), abs):
		return "", fmt.Errorf("%w: %s: %w", ErrChartNotFound, path, err)
	case err != nil:
		return "", outside(dirs, path)
	}
	allowed := resolved(dirs)
	if !within(allowed, real) {
		return "", outside(dirs, path)
	}
	if err := checkLinks(allowed, real, map[string]bool{}); err != nil {
		return "", err
	}
	return real, nil
}

// outside is the error for a path outside dirs.
func outside(dirs []string, path string) error {
	return fmt.Errorf("%w: %s is not inside the chart directories (%s)", ErrLocalChartRefused, path, strings.Join(dirs, ", "))
}

// absolute makes dirs absolute and clean, without resolving links.
func absolute(dirs []string) []string {
	var out []string
	for _, d := range dirs {
		if a, err := filepath.Abs(d); err == nil {
			out = append(out, a)
		}
	}
	return out
}

// resolved resolves dirs as LocalChartPath resolves a chart's path. A
// directory that does not exist (yet) allows nothing.
func resolved(dirs []string) []string {
	var out []string
	for _, d := range absolute(dirs) {
		if r, err := filepath.EvalSymlinks(d); err == nil {
			out = append(out, r)
		}
	}
	return out
}

// within reports whether path (absolute, clean) is one of dirs or below
// one, segment by segment.
func within(dirs []string, path string) bool {
	for _, d := range dirs {
		rel, err := filepath.Rel(d, path)
		if err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel) {
			return true
		}
	}
	return false
}

// checkLinks refuses a symbolic link under root (a chart directory, or a
// directory one of its links leads to) whose target is outside dirs. seen
// holds the directories checked, so that links in a cycle end.
func checkLinks(dirs []string, root string, seen map[string]bool) error {
	if seen[root] {
		return nil
	}
	seen[root] = true
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.Type()&fs.ModeSymlink == 0 {
			return err
		}
		target, err := filepath.EvalSymlinks(p)
		if err != nil {
			return fmt.Errorf("%w: %s: %w", ErrLocalChartRefused, p, err)
		}
		if !within(dirs, target) {
			return fmt.Errorf("%w: %s links to %s, outside the chart directories", ErrLocalChartRefused, p, target)
		}
		if fi, err := os.Stat(target); err == nil && fi.IsDir() {
			return checkLinks(dirs, target, seen)
		}
		return nil
	})
}
