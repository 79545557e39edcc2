// Package valuespec describes which Helm values a marketplace template lets a
// user set, and how they are typed (SPEC section 4).
package valuespec

import (
	"fmt"
	"io"
	"strconv"
)

// Type is the kind of form control and the JSON type a value must have.
type Type string

const (
	Text     Type = "text"
	Password Type = "password"
	Number   Type = "number"
	Boolean  Type = "boolean"
	Select   Type = "select"
	// Env is a container's environment: a list of {name, value, secret}
	// (see env.go). A list with a secret entry is stored encrypted whole,
	// and the secret entries' values are never returned.
	Env Type = "env"
)

// Spec is one value a user may (or must) set. Key is a dot path into the
// chart values ("auth.username"); keys under "_init." are set-up inputs for
// post-deploy initialisation, not Helm values.
type Spec struct {
	Key         string   `json:"key"`
	Label       string   `json:"label"`
	Type        Type     `json:"type"`
	Default     any      `json:"default,omitempty"`
	Options     []string `json:"options,omitempty"`
	Placeholder string   `json:"placeholder,omitempty"`
	Description string   `json:"description,omitempty"`

	// Optional rules, checked by Check on every submitted value and
	// mirrored by the web form (see rules.go). MinLength and MaxLength
	// count characters (runes) of a text or password; Pattern is an RE2
	// expression the whole text or password must match, and
	// PatternMessage the words a user reads when it does not; Min and Max
	// bound a number, inclusive.
	MinLength      *int     `json:"min_length,omitempty"`
	MaxLength      *int     `json:"max_length,omitempty"`
	Pattern        string   `json:"pattern,omitempty"`
	PatternMessage string   `json:"pattern_message,omitempty"`
	Min            *float64 `json:"min,omitempty"`
	Max            *float64 `json:"max,omitempty"`

	// Translations are Label, Description, Placeholder and PatternMessage
	// in other languages (translation.go); those fields are English.
	Translations Translations `json:"translations,omitempty"`
}

// Specs is a template's whole value specification. Empty specs allow any key.
type Specs struct {
	Required []Spec `json:"required"`
	Optional []Spec `json:"optional"`
}

// Empty reports whether the specs name no key at all, which means any key
// is allowed.
func (s Specs) Empty() bool { return len(s.Required) == 0 && len(s.Optional) == 0 }

// Valid reports whether t is one of the known types.
func (t Type) Valid() bool {
	switch t {
	case Text, Password, Number, Boolean, Select, Env:
		return true
	}
	return false
}

// MarshalGQL writes the type as a GraphQL enum value.
func (t Type) MarshalGQL(w io.Writer) { _, _ = io.WriteString(w, strconv.Quote(string(t))) }

// UnmarshalGQL reads a GraphQL enum value.
func (t *Type) UnmarshalGQL(v any) error {
	s, ok := v.(string)
	if !ok || !Type(s).Valid() {
		return fmt.Errorf("%v is not a value type", v)
	}
	*t = Type(s)
	return nil
}
