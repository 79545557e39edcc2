// Package catalog holds the marketplace's seed templates (SPEC sections 2 and 4)
// and the rules a template must satisfy.
//
// A template's fields are defined once, in the ent schema (AppTemplate):
// the GraphQL inputs and ent.CreateAppTemplateInput and
// ent.UpdateAppTemplateInput are generated from it, and templates.json is a
// list of create inputs, with the GraphQL input names as keys.
//
// templates.json was converted once, and checked by hand, from the old Odoo
// addon's data file (cloud_app_templates.xml: PostgreSQL, n8n, Redis,
// Odoo). That XML is not read at run time. Notes on the conversion:
//
//   - The XML's second <data noupdate="0"> block overrides n8n's
//     helm_default_values and helm_value_specs; the overriding values are
//     identical to the first block's, so the final record is the same.
//   - That block also sets n8n's mcp_* fields (mcp_enabled=True,
//     mcp_sidecar_image=ghcr.io/czlonkowski/n8n-mcp:latest,
//     mcp_sidecar_port=3000, mcp_transport=streamable_http,
//     mcp_endpoint_path=/mcp, mcp_sidecar_env={MCP_MODE: http,
//     N8N_API_URL: http://localhost:5678, PORT: 3000},
//     mcp_api_key_helm_path=main.secret.N8N_API_KEY) and post_deploy_*
//     fields (post_deploy_init_type=n8n,
//     post_deploy_init_email=admin@woowtech.io). They are not part of the
//     AppTemplate entity and are deliberately not carried over.
//   - The last entry, "Container app" (container-app), is not from the XML:
//     it names the chart built into the binary (builtin://container-app,
//     helmops/builtin), so any image deploys with no chart repository.
//   - Line-wrapping whitespace inside the XML text (full descriptions and
//     strings inside the JSON fields, e.g. "Database Username") is collapsed
//     to single spaces; is_active is kept as in the XML (PostgreSQL and Redis
//     are inactive). The XML has no icons: Material Symbols names were chosen.
//   - Later (issue 17) every word became English with a zh-TW translation:
//     the XML's Chinese hints moved to the specs' zh-TW translations, with
//     English written for them, and the rest was translated by hand.
//     LoadSeed never updates a database that already has templates, so an
//     existing installation gets these translations only by an admin's edit.
package catalog

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"entgo.io/ent/entc/gen"

	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/apptemplate"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/translation"
	"github.com/woowtech/woow-paas/valuespec"
)

//go:embed templates.json
var seedJSON []byte

// Seed returns the embedded catalogue. Each call decodes afresh, so callers
// may modify the result. LoadSeed checks each template as Create does.
func Seed() ([]ent.CreateAppTemplateInput, error) {
	dec := json.NewDecoder(bytes.NewReader(seedJSON))
	dec.DisallowUnknownFields()
	var ts []ent.CreateAppTemplateInput
	if err := dec.Decode(&ts); err != nil {
		return nil, fmt.Errorf("catalog: decode templates.json: %w", err)
	}
	seen := make(map[string]bool, len(ts))
	for _, t := range ts {
		if seen[t.Slug] {
			return nil, fmt.Errorf("catalog: duplicate slug %q", t.Slug)
		}
		seen[t.Slug] = true
	}
	return ts, nil
}

var slugRe = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// ValidKey reports whether key is a dot path of [A-Za-z0-9_-] segments:
// the same rule as the values users submit (valuespec).
func ValidKey(key string) bool { return valuespec.ValidKey(key) }

// inputField is the name of an AppTemplate field in the generated inputs:
// entgql names them with ent's camel (chart_repo_url is chartRepoURL).
var inputField = gen.Funcs["camel"].(func(string) string)

// after is a field's value once m is saved: what m sets, else the stored
// value (an update) or the zero value (a create: the fields read here
// are required or default to their zero value).
func after[T any](ctx context.Context, m *ent.AppTemplateMutation, set func() (T, bool), old func(context.Context) (T, error)) (T, error) {
	if v, ok := set(); ok || m.Op().Is(ent.OpCreate) {
		return v, nil
	}
	return old(ctx)
}

// check applies the template rules the ent schema does not state to what
// m sets (stored values were checked when they were set): name and chart
// reference not blank, name, descriptions and tags without control
// characters or text direction overrides (line breaks only in the full
// description), slug of lowercase letters, digits and single
// hyphens, known category, no repository URL with an oci:// reference,
// port in range, no negative price or resources, and the value specs:
// keys are dot paths of [A-Za-z0-9_-] segments and unique, types known,
// select specs have options and a default among them, defaults have the
// spec's JSON type (number/boolean/string), password and env specs have
// no default, their words (English and translated) are within limits
// (valuespec.Spec.ValidateText); the template's translations are in known
// locales, one each, and their words follow the English fields' limits
// (checkTranslation). Every problem is reported; the error names the input field of
// the first. Lengths are the schema's (see saveErr).
func check(ctx context.Context, m *ent.AppTemplateMutation) error {
	var first string
	seenLocales := map[string]bool{}
	var msgs []string
	bad := func(field, format string, a ...any) {
		if first == "" {
			first = inputField(field)
		}
		msgs = append(msgs, fmt.Sprintf(format, a...))
	}

	if v, ok := m.Name(); ok && strings.TrimSpace(v) == "" {
		bad(apptemplate.FieldName, "name is empty")
	}
	// The words the marketplace shows follow their translations' rule
	// (checkTranslation): nothing that hides or disguises text, line
	// breaks only in the Markdown page. Lengths are the schema's.
	for _, w := range []struct {
		field     string
		get       func() (string, bool)
		multiline bool
	}{
		{apptemplate.FieldName, m.Name, false},
		{apptemplate.FieldDescription, m.Description, false},
		{apptemplate.FieldFullDescription, m.FullDescription, true},
	} {
		if v, ok := w.get(); ok {
			if err := translation.CheckText(inputField(w.field), v, 0, w.multiline); err != nil {
				bad(w.field, "%v", err)
			}
		}
	}
	if tags, ok := m.Tags(); ok {
		for i, tag := range tags {
			if err := translation.CheckText(fmt.Sprintf("tags[%d]", i), tag, 0, false); err != nil {
				bad(apptemplate.FieldTags, "%v", err)
			}
		}
	}
	if v, ok := m.Slug(); ok && !slugRe.MatchString(v) {
		bad(apptemplate.FieldSlug, "slug %q: want lowercase letters, digits and single hyphens", v)
	}
	if v, ok := m.Category(); ok && apptemplate.CategoryValidator(v) != nil {
		bad(apptemplate.FieldCategory, "unknown category %q", v)
	}
	_, refSet := m.ChartRef()
	_, repoSet := m.ChartRepoURL()
	if refSet || repoSet {
		ref, err := after(ctx, m, m.ChartRef, m.OldChartRef)
		if err != nil {
			return err
		}
		repo, err := after(ctx, m, m.ChartRepoURL, m.OldChartRepoURL)
		if err != nil {
			return err
		}
		switch {
		case strings.TrimSpace(ref) == "":
			bad(apptemplate.FieldChartRef, "chart reference is empty")
		case strings.HasPrefix(ref, "oci://") && repo != "":
			bad(apptemplate.FieldChartRef, "chart reference %q is an oci:// reference but a repository URL is set", ref)
		}
	}
	if v, ok := m.DefaultPort(); ok && (v < 0 || v > 65535) {
		bad(apptemplate.FieldDefaultPort, "default port %d out of range", v)
	}
	for _, f := range []string{apptemplate.FieldMonthlyPrice, apptemplate.FieldMinVcpu,
		apptemplate.FieldMinRAMGB, apptemplate.FieldMinStorageGB} {
		if v, ok := m.Field(f); ok && v.(float64) < 0 {
			bad(f, "%s must not be negative", inputField(f))
		}
	}
	if specs, ok := m.ValueSpecs(); ok {
		seen := map[string]bool{}
		spec := func(group string, i int, s valuespec.Spec) {
			where := fmt.Sprintf("valueSpecs.%s[%d] %q", group, i, s.Key)
			if !ValidKey(s.Key) {
				bad(apptemplate.FieldValueSpecs, "%s: key must be a dot path of [A-Za-z0-9_-] segments", where)
			}
			if seen[s.Key] {
				bad(apptemplate.FieldValueSpecs, "%s: duplicate key", where)
			}
			seen[s.Key] = true
			if strings.TrimSpace(s.Label) == "" {
				bad(apptemplate.FieldValueSpecs, "%s: label is empty", where)
			}
			if err := checkSpecType(s); err != nil {
				bad(apptemplate.FieldValueSpecs, "%s: %v", where, err)
			}
			if err := s.ValidateText(); err != nil {
				bad(apptemplate.FieldValueSpecs, "%s: %v", where, err)
			}
		}
		for i, s := range specs.Required {
			spec("required", i, s)
		}
		for i, s := range specs.Optional {
			spec("optional", i, s)
		}
	}

	if ts, ok := m.Translations(); ok {
		for i, t := range ts {
			if err := checkTranslation(t, seenLocales); err != nil {
				bad(apptemplate.FieldTranslations, "translations[%d]: %v", i, err)
			}
		}
	}

	if len(msgs) == 0 {
		return nil
	}
	return errs.InvalidField(first, "%s", strings.Join(msgs, "; "))
}

// checkTranslation checks a template's translation as its English fields
// are: a description of one line and at most 500 characters (the schema's
// limit), a full description of any length; neither may hold control
// characters or text direction overrides (line breaks are Markdown's).
func checkTranslation(t translation.Template, seen map[string]bool) error {
	if err := translation.CheckLocale(t.Locale, seen); err != nil {
		return err
	}
	if err := translation.CheckText("description", t.Description, 500, false); err != nil {
		return err
	}
	return translation.CheckText("fullDescription", t.FullDescription, 0, true)
}

// saveErr is the answer to a failed save: a taken slug or a value the
// schema refuses (too long, empty) is BAD_USER_INPUT on its input field.
func saveErr(err error, slug string) error {
	var ve *ent.ValidationError
	switch {
	case ent.IsConstraintError(err):
		return errs.InvalidField("slug", "a template with slug %q exists", slug)
	case errors.As(err, &ve):
		f := inputField(ve.Name)
		return errs.InvalidField(f, "%s: %v", f, errors.Unwrap(ve))
	}
	return err
}

// checkSpecType checks a spec's type, options, default and rules
// (minLength, maxLength, pattern, min, max: valuespec.Spec.ValidateRules).
func checkSpecType(s valuespec.Spec) error {
	switch s.Type {
	case valuespec.Text:
		if s.Default != nil && !isString(s.Default) {
			return fmt.Errorf("text default %#v is not a string", s.Default)
		}
	case valuespec.Password:
		if s.Default != nil {
			return errors.New("password spec must not have a default")
		}
	case valuespec.Number:
		if s.Default != nil && !isNumber(s.Default) {
			return fmt.Errorf("number default %#v is not a number", s.Default)
		}
	case valuespec.Boolean:
		if _, ok := s.Default.(bool); s.Default != nil && !ok {
			return fmt.Errorf("boolean default %#v is not a boolean", s.Default)
		}
	case valuespec.Env:
		if s.Default != nil {
			return errors.New("env spec must not have a default: put default variables in the chart's values")
		}
	case valuespec.Select:
		if len(s.Options) == 0 {
			return errors.New("select spec has no options")
		}
		opts := map[string]bool{}
		for _, o := range s.Options {
			if opts[o] {
				return fmt.Errorf("select option %q repeated", o)
			}
			opts[o] = true
		}
		d, ok := s.Default.(string)
		if !ok {
			return fmt.Errorf("select default %#v is not a string option", s.Default)
		}
		if !opts[d] {
			return fmt.Errorf("select default %q is not among the options %q", d, s.Options)
		}
	default:
		return fmt.Errorf("unknown type %q", s.Type)
	}
	if s.Type != valuespec.Select && len(s.Options) > 0 {
		return fmt.Errorf("options are only allowed on select specs, not %s", s.Type)
	}
	return s.ValidateRules()
}

func isString(v any) bool { _, ok := v.(string); return ok }

func isNumber(v any) bool {
	switch v.(type) {
	case float64, float32, int, int8, int16, int32, int64,
		uint, uint8, uint16, uint32, uint64, json.Number:
		return true
	}
	return false
}
