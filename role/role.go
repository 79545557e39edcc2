// Package role is the ladder of workspace member roles (SPEC section 3).
package role

import (
	"fmt"
	"io"
	"strconv"
)

// Role is a member's role in one workspace. Stored and exposed as its
// lower-case name.
type Role string

const (
	Guest Role = "guest"
	User  Role = "user"
	Admin Role = "admin"
	Owner Role = "owner"
)

// Values lists the roles from the least to the most privileged. It also
// tells ent the enum's values.
func (Role) Values() []string {
	return []string{string(Guest), string(User), string(Admin), string(Owner)}
}

// rank orders the roles; an unknown role ranks below guest.
func (r Role) rank() int {
	switch r {
	case Guest:
		return 1
	case User:
		return 2
	case Admin:
		return 3
	case Owner:
		return 4
	}
	return 0
}

// Valid reports whether r is one of the four roles.
func (r Role) Valid() bool { return r.rank() > 0 }

// AtLeast reports whether r grants everything min grants.
func (r Role) AtLeast(min Role) bool { return r.Valid() && r.rank() >= min.rank() }

// AtLeastList lists the roles that are at least min, for SQL IN filters.
func AtLeastList(min Role) []Role {
	var out []Role
	for _, v := range Guest.Values() {
		if Role(v).AtLeast(min) {
			out = append(out, Role(v))
		}
	}
	return out
}

// MarshalGQL writes the role as a GraphQL enum value.
func (r Role) MarshalGQL(w io.Writer) { _, _ = io.WriteString(w, strconv.Quote(string(r))) }

// UnmarshalGQL reads a GraphQL enum value.
func (r *Role) UnmarshalGQL(v any) error {
	s, ok := v.(string)
	if !ok {
		return fmt.Errorf("role must be a string")
	}
	if !Role(s).Valid() {
		return fmt.Errorf("%q is not a role", s)
	}
	*r = Role(s)
	return nil
}
