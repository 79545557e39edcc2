package resolvers

import (
	"reflect"

	"entgo.io/contrib/entgql"
)

// MaxPageSize is the largest `first` or `last` a connection accepts, and
// the page size when neither is given (SPEC section 9).
const MaxPageSize = 100

var cursorType = reflect.TypeOf((*entgql.Cursor[int])(nil))

// setConnectionComplexity makes every connection field cost by its page
// size: 1 + n x (the cost of one node), with n the `first` or `last`
// argument, or MaxPageSize. It finds the connection fields by their
// (after, first, before, last) arguments, so a connection added to the
// schema later is priced without anyone remembering to.
func setConnectionComplexity(root any) {
	walk(reflect.ValueOf(root).Elem())
}

func walk(v reflect.Value) {
	for i := 0; i < v.NumField(); i++ {
		f := v.Field(i)
		switch f.Kind() {
		case reflect.Struct:
			walk(f)
		case reflect.Func:
			if fn, ok := connectionCost(f.Type()); ok {
				f.Set(fn)
			}
		}
	}
}

// connectionCost builds a complexity function for a field whose arguments
// contain `after *Cursor, first *int, before *Cursor, last *int`.
func connectionCost(t reflect.Type) (reflect.Value, bool) {
	first, last := -1, -1
	for i := 1; i+1 < t.NumIn(); i++ {
		if t.In(i) == cursorType && t.In(i+1) == reflect.TypeOf((*int)(nil)) {
			if first < 0 {
				first = i + 1
			} else {
				last = i + 1
			}
		}
	}
	if first < 0 || last < 0 {
		return reflect.Value{}, false
	}
	return reflect.MakeFunc(t, func(args []reflect.Value) []reflect.Value {
		child := int(args[0].Int())
		n := MaxPageSize
		for _, a := range []reflect.Value{args[first], args[last]} {
			if !a.IsNil() {
				n = int(a.Elem().Int())
			}
		}
		if n < 1 {
			n = 1
		}
		return []reflect.Value{reflect.ValueOf(1 + n*child)}
	}), true
}
