package dbmigrate

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"ariga.io/atlas/sql/migrate"
)

// sumFileName is the name of Atlas's directory integrity file.
const sumFileName = migrate.HashFileName

// migration is one migration file.
type migration struct {
	version  string // "20261129120000"
	file     string // "20261129120000_init.sql"
	data     []byte
	checksum string // hex SHA-256 of data, as recorded in schema_migrations
}

// name is the description part of the file name ("init"), as Atlas's
// LocalFile.Desc.
func (m migration) name() string {
	_, desc, _ := strings.Cut(strings.TrimSuffix(m.file, ".sql"), "_")
	return desc
}

// readDir reads the migration files of dir (the *.sql files at its root,
// as Atlas's LocalDir.Files) in file-name order, which is version order for
// Atlas's fixed-width versions, and verifies atlas.sum if dir has one.
func readDir(dir fs.FS) ([]migration, error) {
	names, err := fs.Glob(dir, "*.sql")
	if err != nil {
		return nil, fmt.Errorf("dbmigrate: list migration files: %w", err)
	}
	slices.Sort(names)
	files := make([]migration, 0, len(names))
	seen := make(map[string]string, len(names))
	for _, n := range names {
		version, _, _ := strings.Cut(strings.TrimSuffix(n, ".sql"), "_")
		if version == "" || strings.Trim(version, "0123456789") != "" {
			return nil, fmt.Errorf("dbmigrate: migration file %s: the name must be <version>_<name>.sql with a numeric version", n)
		}
		if other, ok := seen[version]; ok {
			return nil, fmt.Errorf("dbmigrate: migration files %s and %s have the same version", other, n)
		}
		seen[version] = n
		b, err := fs.ReadFile(dir, n)
		if err != nil {
			return nil, fmt.Errorf("dbmigrate: read migration file: %w", err)
		}
		sum := sha256.Sum256(b)
		files = append(files, migration{version: version, file: n, data: b, checksum: hex.EncodeToString(sum[:])})
	}
	sumFile, err := fs.ReadFile(dir, sumFileName)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return files, nil
	case err != nil:
		return nil, fmt.Errorf("dbmigrate: read %s: %w", sumFileName, err)
	}
	if err := verifySum(sumFile, files); err != nil {
		return nil, err
	}
	return files, nil
}

// atlasHash computes the atlas.sum content of files with Atlas's own
// NewHashFile, as the migration generator does.
func atlasHash(files []migration) migrate.HashFile {
	afs := make([]migrate.File, len(files))
	for i, f := range files {
		afs[i] = migrate.NewLocalFile(f.file, f.data)
	}
	sum, err := migrate.NewHashFile(afs)
	if err != nil {
		panic(err) // it only hashes bytes in memory
	}
	return sum
}

// verifySum checks the files against the content of atlas.sum.
func verifySum(content []byte, files []migration) error {
	var recorded migrate.HashFile
	if err := recorded.UnmarshalText(content); err != nil {
		return fmt.Errorf("%w: %s is corrupt (%v): the migration directory was edited by hand", ErrSumMismatch, sumFileName, err)
	}
	actual := atlasHash(files)
	if recorded.Sum() == actual.Sum() {
		return nil
	}
	what := "it differs"
	for i := 0; i < len(recorded) || i < len(actual); i++ {
		switch {
		case i >= len(actual):
			what = recorded[i].N + " was removed"
		case i >= len(recorded):
			what = actual[i].N + " was added"
		case recorded[i].N != actual[i].N && !slices.ContainsFunc(recorded, func(e struct{ N, H string }) bool { return e.N == actual[i].N }):
			what = actual[i].N + " was added"
		case recorded[i].N != actual[i].N:
			what = recorded[i].N + " was removed"
		case recorded[i].H != actual[i].H:
			what = recorded[i].N + " was edited"
		default:
			continue
		}
		break
	}
	return fmt.Errorf("%w: %s does not match the migration files (%s): the migration directory was edited by hand; regenerate the migrations or re-hash the directory with the migration generator", ErrSumMismatch, sumFileName, what)
}
