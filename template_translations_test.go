package main

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// TestTemplateTranslationsOverGraphQL: a template's description and full
// description, and its value specs' words, are kept in zh-TW beside the
// English fields (issue 17): set by createAppTemplate and
// updateAppTemplate, read back in AppTemplate.translations and
// ValueSpec.translations, refused in another locale or with control
// characters; the seeded catalogue speaks both languages.
func TestTemplateTranslationsOverGraphQL(t *testing.T) {
	srv := startServer(t, newTestEnv(t))
	root := register(t, srv.URL, "root@x.io", "Root") // the first account: platform admin

	const fields = `slug description translations { locale description fullDescription }
		valueSpecs { required { key label description translations { locale label description placeholder patternMessage } } }`
	create := `mutation($input: CreateAppTemplateInput!) { createAppTemplate(input: $input) { appTemplate { id ` + fields + ` } } }`
	spec := func(trans ...map[string]any) map[string]any {
		return map[string]any{
			"key": "auth.password", "label": "Password", "type": "password", "description": "At least 8 characters",
			"pattern": ".{8,}", "patternMessage": "must be 8 characters or more",
			"translations": trans,
		}
	}
	zhSpec := map[string]any{"locale": "zh-TW", "label": "密碼", "description": "至少 8 個字元", "patternMessage": "至少需要 8 個字元"}
	input := func(slug string, trans []map[string]any, specTrans ...map[string]any) map[string]any {
		return map[string]any{"input": map[string]any{
			"name": "Thing", "slug": slug, "category": "web", "chartRef": "oci://registry.example/charts/thing",
			"description": "A thing", "fullDescription": "The whole thing.",
			"translations": trans,
			"valueSpecs":   map[string]any{"required": []any{spec(specTrans...)}, "optional": []any{}},
		}}
	}
	zhTemplate := []map[string]any{{"locale": "zh-TW", "description": "一個東西", "fullDescription": "整個東西。\n\n第二段。"}}

	type spec_ struct {
		Key, Label, Description string
		Translations            []map[string]string
	}
	var got struct {
		CreateAppTemplate struct {
			AppTemplate struct {
				ID, Slug, Description string
				Translations          []map[string]string
				ValueSpecs            struct{ Required []spec_ }
			}
		}
	}
	data := root.mustDo(t, create, input("thing", zhTemplate, zhSpec))
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	tpl := got.CreateAppTemplate.AppTemplate
	if want := []map[string]string{{"locale": "zh-TW", "description": "一個東西", "fullDescription": "整個東西。\n\n第二段。"}}; tpl.Description != "A thing" || !reflect.DeepEqual(tpl.Translations, want) {
		t.Errorf("template translations %v (description %q), want %v", tpl.Translations, tpl.Description, want)
	}
	sp := tpl.ValueSpecs.Required[0]
	wantSpec := []map[string]string{{"locale": "zh-TW", "label": "密碼", "description": "至少 8 個字元", "placeholder": "", "patternMessage": "至少需要 8 個字元"}}
	if sp.Label != "Password" || !reflect.DeepEqual(sp.Translations, wantSpec) {
		t.Errorf("spec %+v, want English label and translations %v", sp, wantSpec)
	}

	// An update replaces the translations; a search in Chinese finds it.
	update := `mutation($id: ID!, $t: [TemplateTranslationInput!]) { updateAppTemplate(input: {id: $id, translations: $t}) { appTemplate { translations { locale description } } } }`
	data = root.mustDo(t, update, map[string]any{"id": tpl.ID, "t": []map[string]any{{"locale": "zh-TW", "description": "新的說明"}}})
	if d := pick[string](t, data, "updateAppTemplate.appTemplate.translations.0.description"); d != "新的說明" {
		t.Errorf("updated translation %q", d)
	}
	if got := slugsOf(t, root.mustDo(t, `{ appTemplates(search: "新的") { edges { node { slug } } } }`, nil), "appTemplates"); !reflect.DeepEqual(got, []string{"thing"}) {
		t.Errorf("search in Chinese found %q, want [thing]", got)
	}

	// Refused: another locale, a locale twice, control characters, too long.
	for name, c := range map[string]struct {
		vars  map[string]any
		field string
	}{
		"template in French":        {input("t1", []map[string]any{{"locale": "fr", "description": "Une chose"}}), "translations"},
		"template twice in zh-TW":   {input("t2", append(zhTemplate, zhTemplate...)), "translations"},
		"template description ESC":  {input("t3", []map[string]any{{"locale": "zh-TW", "description": "一個\x1b東西"}}), "translations"},
		"template description long": {input("t4", []map[string]any{{"locale": "zh-TW", "description": strings.Repeat("長", 501)}}), "translations"},
		"spec in English":           {input("t5", nil, map[string]any{"locale": "en", "label": "Password"}), "valueSpecs"},
		"spec label with a newline": {input("t6", nil, map[string]any{"locale": "zh-TW", "label": "密\n碼"}), "valueSpecs"},
		"spec label too long":       {input("t7", nil, map[string]any{"locale": "zh-TW", "label": strings.Repeat("密", 201)}), "valueSpecs"},
		"spec description override": {input("t8", nil, map[string]any{"locale": "zh-TW", "description": "至少\u202e8"}), "valueSpecs"},
	} {
		t.Run(name, func(t *testing.T) { root.expectErr(t, "BAD_USER_INPUT", c.field, create, c.vars) })
	}

	// The seed: every spec of every template has a zh-TW label.
	var seeded struct {
		AppTemplates struct {
			Edges []struct {
				Node struct {
					Slug         string
					Translations []map[string]string
					ValueSpecs   struct{ Required, Optional []spec_ }
				}
			}
		}
	}
	const seedQuery = `{ appTemplates(first: 50) { edges { node { slug translations { locale description fullDescription }
		valueSpecs { required { key label description translations { locale label description placeholder patternMessage } }
		optional { key label description translations { locale label description placeholder patternMessage } } } } } } }`
	if err := json.Unmarshal(root.mustDo(t, seedQuery, nil), &seeded); err != nil {
		t.Fatal(err)
	}
	for _, e := range seeded.AppTemplates.Edges {
		n := e.Node
		if n.Slug == "thing" {
			continue
		}
		if len(n.Translations) != 1 || n.Translations[0]["locale"] != "zh-TW" || n.Translations[0]["description"] == "" || n.Translations[0]["fullDescription"] == "" {
			t.Errorf("%s: translations %v", n.Slug, n.Translations)
		}
		for _, s := range append(n.ValueSpecs.Required, n.ValueSpecs.Optional...) {
			if len(s.Translations) != 1 || s.Translations[0]["label"] == "" || (s.Description != "") != (s.Translations[0]["description"] != "") {
				t.Errorf("%s %s: translations %v", n.Slug, s.Key, s.Translations)
			}
		}
	}
}
