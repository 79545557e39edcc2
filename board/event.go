package board

import (
	"fmt"
	"io"
	"strconv"
)

// Change is what changed on a board (GraphQL BoardChange).
type Change string

// The changes of a board.
const (
	TaskChanged    Change = "TASK_CHANGED"
	TaskDeleted    Change = "TASK_DELETED"
	StageChanged   Change = "STAGE_CHANGED"
	StageDeleted   Change = "STAGE_DELETED"
	ProjectChanged Change = "PROJECT_CHANGED"
	ProjectDeleted Change = "PROJECT_DELETED"
)

// MarshalGQL writes the change as a GraphQL enum value.
func (c Change) MarshalGQL(w io.Writer) { io.WriteString(w, strconv.Quote(string(c))) }

// UnmarshalGQL reads a GraphQL enum value.
func (c *Change) UnmarshalGQL(v any) error {
	s, ok := v.(string)
	if !ok {
		return fmt.Errorf("BoardChange must be a string")
	}
	switch Change(s) {
	case TaskChanged, TaskDeleted, StageChanged, StageDeleted, ProjectChanged, ProjectDeleted:
		*c = Change(s)
		return nil
	}
	return fmt.Errorf("%q is not a BoardChange", s)
}

// Event is one change of a board, as the bus carries it: the change and
// the row it concerns. Subscribers read the row with their own rights.
type Event struct {
	Change Change `json:"c"`
	Ref    int    `json:"r"`
}

// Deleted reports whether the event removes its row.
func (e *Event) Deleted() bool {
	return e.Change == TaskDeleted || e.Change == StageDeleted || e.Change == ProjectDeleted
}
