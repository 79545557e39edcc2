// Package migrations embeds the versioned schema migrations, one directory
// per SQL dialect, generated from the ent schemas by gen.go (make
// migration NAME=...). Package dbmigrate applies them.
package migrations

import (
	"embed"
	"fmt"
	"io/fs"
)

//go:embed sqlite/*.sql sqlite/atlas.sum postgres/*.sql postgres/atlas.sum
var files embed.FS

// Dir returns the migration directory of a dialect: "sqlite" or "postgres".
func Dir(dialect string) (fs.FS, error) {
	switch dialect {
	case "sqlite", "postgres":
		return fs.Sub(files, dialect)
	}
	return nil, fmt.Errorf("no migrations for dialect %q", dialect)
}
