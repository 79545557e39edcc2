package valuespec

import (
	"encoding/json"
	"reflect"
	"testing"
)

// TestTranslationsJSON: translations are stored as an object from locale
// to words (snake_case, empty words left out) and read back in locale
// order; an unknown key is refused rather than lost.
func TestTranslationsJSON(t *testing.T) {
	s := Spec{Key: "k", Label: "Name", Type: Text, Translations: Translations{{Locale: "zh-TW", Label: "名稱", PatternMessage: "須為字母"}}}
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"key":"k","label":"Name","type":"text","translations":{"zh-TW":{"label":"名稱","pattern_message":"須為字母"}}}`
	if string(b) != want {
		t.Errorf("stored as %s, want %s", b, want)
	}
	var back Spec
	if err := json.Unmarshal(b, &back); err != nil || !reflect.DeepEqual(back, s) {
		t.Errorf("read back %+v, %v; want %+v", back, err, s)
	}
	untranslated, _ := json.Marshal(Spec{Key: "k", Label: "Name", Type: Text})
	if string(untranslated) != `{"key":"k","label":"Name","type":"text"}` {
		t.Errorf("a spec without translations stored as %s", untranslated)
	}
	if err := json.Unmarshal([]byte(`{"translations":{"zh-TW":{"lable":"名稱"}}}`), &back); err == nil {
		t.Error("a misspelt key was accepted")
	}
}
