package role_test

import (
	"bytes"
	"slices"
	"testing"

	"github.com/woowtech/woow-paas/role"
)

func TestAtLeast(t *testing.T) {
	tests := []struct {
		r, min role.Role
		want   bool
	}{
		{role.Guest, role.Guest, true},
		{role.Guest, role.User, false},
		{role.Guest, role.Admin, false},
		{role.Guest, role.Owner, false},
		{role.User, role.Guest, true},
		{role.User, role.User, true},
		{role.User, role.Admin, false},
		{role.User, role.Owner, false},
		{role.Admin, role.Guest, true},
		{role.Admin, role.User, true},
		{role.Admin, role.Admin, true},
		{role.Admin, role.Owner, false},
		{role.Owner, role.Guest, true},
		{role.Owner, role.User, true},
		{role.Owner, role.Admin, true},
		{role.Owner, role.Owner, true},
		// An unknown or empty role grants nothing.
		{"", role.Guest, false},
		{"superuser", role.Guest, false},
		{"OWNER", role.Guest, false},
		{"", "", false},
	}
	for _, tt := range tests {
		if got := tt.r.AtLeast(tt.min); got != tt.want {
			t.Errorf("%q.AtLeast(%q) = %v, want %v", tt.r, tt.min, got, tt.want)
		}
	}
}

func TestAtLeastList(t *testing.T) {
	tests := []struct {
		min  role.Role
		want []role.Role
	}{
		{role.Guest, []role.Role{role.Guest, role.User, role.Admin, role.Owner}},
		{role.User, []role.Role{role.User, role.Admin, role.Owner}},
		{role.Admin, []role.Role{role.Admin, role.Owner}},
		{role.Owner, []role.Role{role.Owner}},
	}
	for _, tt := range tests {
		if got := role.AtLeastList(tt.min); !slices.Equal(got, tt.want) {
			t.Errorf("AtLeastList(%q) = %v, want %v", tt.min, got, tt.want)
		}
	}
}

func TestValuesOrder(t *testing.T) {
	want := []string{"guest", "user", "admin", "owner"}
	if got := role.Role("").Values(); !slices.Equal(got, want) {
		t.Errorf("Values() = %v, want %v", got, want)
	}
}

func TestValid(t *testing.T) {
	for _, r := range []role.Role{role.Guest, role.User, role.Admin, role.Owner} {
		if !r.Valid() {
			t.Errorf("%q.Valid() = false", r)
		}
	}
	for _, r := range []role.Role{"", "Admin", "root", " admin"} {
		if r.Valid() {
			t.Errorf("%q.Valid() = true", r)
		}
	}
}

func TestUnmarshalGQL(t *testing.T) {
	tests := []struct {
		in      any
		want    role.Role
		wantErr bool
	}{
		{"guest", role.Guest, false},
		{"user", role.User, false},
		{"admin", role.Admin, false},
		{"owner", role.Owner, false},
		{"ADMIN", "", true},
		{"superuser", "", true},
		{"", "", true},
		{3, "", true},
		{nil, "", true},
	}
	for _, tt := range tests {
		r := role.Role("unchanged")
		err := r.UnmarshalGQL(tt.in)
		if tt.wantErr {
			if err == nil {
				t.Errorf("UnmarshalGQL(%#v) = nil error, role %q; want an error", tt.in, r)
			}
			if r != "unchanged" {
				t.Errorf("UnmarshalGQL(%#v) failed but set the role to %q", tt.in, r)
			}
			continue
		}
		if err != nil || r != tt.want {
			t.Errorf("UnmarshalGQL(%#v) = %q, %v; want %q", tt.in, r, err, tt.want)
		}
	}
}

func TestMarshalGQL(t *testing.T) {
	var buf bytes.Buffer
	role.Admin.MarshalGQL(&buf)
	if got := buf.String(); got != `"admin"` {
		t.Errorf("MarshalGQL = %s, want \"admin\"", got)
	}
	// A round trip gives the same role.
	var r role.Role
	if err := r.UnmarshalGQL("owner"); err != nil || r != role.Owner {
		t.Fatalf("round trip: %q, %v", r, err)
	}
}
