package dbmigrate

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"ariga.io/atlas/sql/migrate"
)

// migration is one migration file.
type migration struct {
	migrate.File
	checksum string // hex SHA-256 of the file, as recorded in schema_migrations
}

// readDir copies the migration files of fsys (the *.sql files at its root,
// as Atlas's LocalDir.Files, and atlas.sum) into an Atlas directory, checks
// them against atlas.sum with Atlas's Validate and returns them in file-name
// order, which is version order for Atlas's fixed-width versions.
func readDir(fsys fs.FS) (*migrate.MemDir, []migration, error) {
	names, err := fs.Glob(fsys, "*.sql")
	if err != nil {
		return nil, nil, fmt.Errorf("dbmigrate: list migration files: %w", err)
	}
	dir := &migrate.MemDir{}
	for _, n := range append(names, migrate.HashFileName) {
		b, err := fs.ReadFile(fsys, n)
		if n == migrate.HashFileName && errors.Is(err, fs.ErrNotExist) {
			break // Validate reports it
		}
		if err != nil {
			return nil, nil, fmt.Errorf("dbmigrate: read migration directory: %w", err)
		}
		if err := dir.WriteFile(n, b); err != nil {
			return nil, nil, fmt.Errorf("dbmigrate: %w", err)
		}
	}
	if err := migrate.Validate(dir); err != nil {
		return nil, nil, sumError(err)
	}
	all, err := dir.Files()
	if err != nil {
		return nil, nil, fmt.Errorf("dbmigrate: %w", err)
	}
	files := make([]migration, len(all))
	seen := make(map[string]string, len(all))
	for i, f := range all {
		v := f.Version()
		if v == "" || strings.Trim(v, "0123456789") != "" {
			return nil, nil, fmt.Errorf("dbmigrate: migration file %s: the name must be <version>_<name>.sql with a numeric version", f.Name())
		}
		if other, ok := seen[v]; ok {
			return nil, nil, fmt.Errorf("dbmigrate: migration files %s and %s have the same version", other, f.Name())
		}
		seen[v] = f.Name()
		sum := sha256.Sum256(f.Bytes())
		files[i] = migration{File: f, checksum: hex.EncodeToString(sum[:])}
	}
	return dir, files, nil
}

// sumError explains an error of Atlas's Validate.
func sumError(err error) error {
	var ce *migrate.ChecksumError
	what := err.Error()
	switch {
	case errors.As(err, &ce):
		what = fmt.Sprintf("%s does not match the migration files: %s was %s", migrate.HashFileName, ce.File, ce.Reason)
	case errors.Is(err, migrate.ErrChecksumNotFound):
		what = migrate.HashFileName + " is missing"
	case errors.Is(err, migrate.ErrChecksumMismatch), errors.Is(err, migrate.ErrChecksumFormat):
		what = fmt.Sprintf("%s is corrupt (%v)", migrate.HashFileName, err)
	}
	return fmt.Errorf("%w: %s: the migration directory was edited by hand; regenerate the migrations or re-hash the directory with the migration generator", ErrSumMismatch, what)
}
