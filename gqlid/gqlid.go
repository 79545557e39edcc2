// Package gqlid marshals the GraphQL ID, UUID and StringMap scalars.
//
// Entity ids are globally unique integers (ent's sql/globalid feature gives
// each type its own range, which is how `node(id:)` finds the type). On the
// GraphQL side they are opaque strings, so clients treat them as handles
// and never do arithmetic on them; the REST shim keeps the plain numbers.
package gqlid

import (
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/99designs/gqlgen/graphql"
	"github.com/google/uuid"
)

// Encode turns an entity id into its opaque GraphQL form: the big-endian
// bytes of the id without leading zeros, base64url without padding.
func Encode(id int) string {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], uint64(id))
	i := 0
	for i < 7 && b[i] == 0 {
		i++
	}
	return base64.RawURLEncoding.EncodeToString(b[i:])
}

// Decode is the inverse of Encode.
func Decode(s string) (int, error) {
	if len(s) == 0 || len(s) > 11 {
		return 0, fmt.Errorf("invalid id %q", s)
	}
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil || len(raw) == 0 || len(raw) > 8 || (len(raw) > 1 && raw[0] == 0) {
		return 0, fmt.Errorf("invalid id %q", s)
	}
	var b [8]byte
	copy(b[8-len(raw):], raw)
	n := binary.BigEndian.Uint64(b[:])
	if n > 1<<62 {
		return 0, fmt.Errorf("invalid id %q", s)
	}
	return int(n), nil
}

// MarshalID is gqlgen's marshaller for the ID scalar.
func MarshalID(id int) graphql.Marshaler {
	return graphql.WriterFunc(func(w io.Writer) {
		_, _ = io.WriteString(w, strconv.Quote(Encode(id)))
	})
}

// UnmarshalID is gqlgen's unmarshaller for the ID scalar.
func UnmarshalID(v any) (int, error) {
	s, ok := v.(string)
	if !ok {
		return 0, fmt.Errorf("an ID must be a string, not %T", v)
	}
	return Decode(s)
}

// MarshalUUID is gqlgen's marshaller for the UUID scalar.
func MarshalUUID(u uuid.UUID) graphql.Marshaler {
	return graphql.WriterFunc(func(w io.Writer) {
		_, _ = io.WriteString(w, strconv.Quote(u.String()))
	})
}

// UnmarshalUUID is gqlgen's unmarshaller for the UUID scalar.
func UnmarshalUUID(v any) (uuid.UUID, error) {
	s, ok := v.(string)
	if !ok {
		return uuid.Nil, fmt.Errorf("a UUID must be a string, not %T", v)
	}
	return uuid.Parse(s)
}

// MarshalStringMap is gqlgen's marshaller for the StringMap scalar (a
// JSON object of strings); nil is written as null.
func MarshalStringMap(m map[string]string) graphql.Marshaler {
	return graphql.WriterFunc(func(w io.Writer) {
		if m == nil {
			_, _ = io.WriteString(w, "null")
			return
		}
		b, _ := json.Marshal(m) // a map of strings always encodes
		_, _ = w.Write(b)
	})
}

// UnmarshalStringMap is gqlgen's unmarshaller for the StringMap scalar.
func UnmarshalStringMap(v any) (map[string]string, error) {
	obj, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("a StringMap must be an object, not %T", v)
	}
	out := make(map[string]string, len(obj))
	for k, x := range obj {
		s, ok := x.(string)
		if !ok {
			return nil, fmt.Errorf("the value of %q must be a string, not %T", k, x)
		}
		out[k] = s
	}
	return out, nil
}
