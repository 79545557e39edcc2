package llm

import "testing"

func TestAPIBase(t *testing.T) {
	for in, want := range map[string]string{
		"https://api.openai.com/v1":    "https://api.openai.com/v1",
		"https://api.openai.com/v1/":   "https://api.openai.com/v1",
		"http://localhost:11434":       "http://localhost:11434/v1",
		"http://localhost:11434/":      "http://localhost:11434/v1",
		"https://openrouter.ai/api/v1": "https://openrouter.ai/api/v1",
	} {
		if got := APIBase(in); got != want {
			t.Errorf("APIBase(%q) = %q, want %q", in, got, want)
		}
	}
}
