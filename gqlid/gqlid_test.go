package gqlid

import "testing"

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
