package gqlid

import (
	"strings"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	for _, id := range []int{0, 1, 255, 256, 4294967296, 4294967297, 73014444032159, 1<<62 - 1} {
		s := Encode(id)
		got, err := Decode(s)
		if err != nil || got != id {
			t.Errorf("Decode(Encode(%d)=%q) = %d, %v", id, s, got, err)
		}
	}
}

func TestDecodeRejects(t *testing.T) {
	for _, s := range []string{"", "!!", "AAE", "AQAAAAAAAAAAAA", "12345678901234", "/w"} {
		if id, err := Decode(s); err == nil {
			t.Errorf("Decode(%q) = %d, want an error", s, id)
		}
	}
}

func TestEncodeIsOpaque(t *testing.T) {
	if s := Encode(4294967297); s == "4294967297" {
		t.Fatalf("id is not opaque: %q", s)
	}
}

func TestStringMap(t *testing.T) {
	var b strings.Builder
	MarshalStringMap(map[string]string{"name": "n8n", "role": "admin"}).MarshalGQL(&b)
	if got := b.String(); got != `{"name":"n8n","role":"admin"}` {
		t.Errorf("marshalled %s", got)
	}
	b.Reset()
	MarshalStringMap(nil).MarshalGQL(&b)
	if got := b.String(); got != "null" {
		t.Errorf("nil marshalled as %s, want null", got)
	}
	if m, err := UnmarshalStringMap(map[string]any{"name": "n8n"}); err != nil || m["name"] != "n8n" {
		t.Errorf("unmarshalled %v, %v", m, err)
	}
	for _, bad := range []any{"x", map[string]any{"n": 1}} {
		if _, err := UnmarshalStringMap(bad); err == nil {
			t.Errorf("%v unmarshalled without an error", bad)
		}
	}
}
