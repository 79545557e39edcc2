package main

import "testing"

// TestProfileLocaleOverGraphQL: the web app's language is kept on the
// account (updateProfile, User.locale), refused when it is not one the app
// speaks.
func TestProfileLocaleOverGraphQL(t *testing.T) {
	srv := startServer(t, newTestEnv(t))
	ada := register(t, srv.URL, "ada@x.io", "Ada")
	const update = `mutation($l: String) { updateProfile(input: {locale: $l}) { user { locale } } }`
	if l := pick[string](t, ada.mustDo(t, `{ viewer { locale } }`, nil), "viewer.locale"); l != "" {
		t.Errorf("a new account's locale %q, want empty (the browser's)", l)
	}
	if l := pick[string](t, ada.mustDo(t, update, map[string]any{"l": "zh-TW"}), "updateProfile.user.locale"); l != "zh-TW" {
		t.Errorf("set to %q", l)
	}
	ada.expectErr(t, "BAD_USER_INPUT", "locale", update, map[string]any{"l": "klingon"})
	if l := pick[string](t, ada.mustDo(t, `{ viewer { locale } }`, nil), "viewer.locale"); l != "zh-TW" {
		t.Errorf("after a refused change: %q", l)
	}
}
