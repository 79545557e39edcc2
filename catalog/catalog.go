// Package catalog holds the marketplace's seed templates (SPEC sections 2 and 4)
// and the rules a template must satisfy.
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
//   - Line-wrapping whitespace inside the XML text (full descriptions and
//     strings inside the JSON fields, e.g. "Database Username") is collapsed
//     to single spaces; is_active is kept as in the XML (PostgreSQL and Redis
//     are inactive). The XML has no icons: Material Symbols names were chosen.
package catalog

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/woowtech/woow-paas/valuespec"
)

//go:embed templates.json
var seedJSON []byte

// Categories are the known template categories, in display order.
var Categories = []string{"ai_llm", "automation", "database", "analytics", "devops", "web", "container"}

// Template is one marketplace entry as seeded.
type Template struct {
	Name             string          `json:"name"`
	Slug             string          `json:"slug"`
	Description      string          `json:"description"`
	FullDescription  string          `json:"full_description"`
	Category         string          `json:"category"` // ai_llm, automation, database, analytics, devops, web, container
	Tags             []string        `json:"tags"`
	Icon             string          `json:"icon"` // a Material Symbols name
	MonthlyPrice     float64         `json:"monthly_price"`
	DocumentationURL string          `json:"documentation_url"`
	ChartRef         string          `json:"chart_ref"`      // "oci://...", a chart name in ChartRepoURL, an http(s) archive URL, or a local path (inside Config.ChartDirs)
	ChartRepoURL     string          `json:"chart_repo_url"` // empty for oci:// refs
	ChartVersion     string          `json:"chart_version"`  // empty: latest
	DefaultValues    map[string]any  `json:"default_values"`
	ValueSpecs       valuespec.Specs `json:"value_specs"`
	DefaultPort      int             `json:"default_port"`
	IngressEnabled   bool            `json:"ingress_enabled"`
	MinVCPU          float64         `json:"min_vcpu"`
	MinRAMGB         float64         `json:"min_ram_gb"`
	MinStorageGB     float64         `json:"min_storage_gb"`
	Active           bool            `json:"active"`
}

// Seed returns the embedded catalogue, validated. Each call decodes afresh,
// so callers may modify the result.
func Seed() ([]Template, error) {
	dec := json.NewDecoder(bytes.NewReader(seedJSON))
	dec.DisallowUnknownFields()
	var ts []Template
	if err := dec.Decode(&ts); err != nil {
		return nil, fmt.Errorf("catalog: decode templates.json: %w", err)
	}
	seen := make(map[string]bool, len(ts))
	for i, t := range ts {
		if err := t.Validate(); err != nil {
			return nil, fmt.Errorf("catalog: template %d: %w", i, err)
		}
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

// KnownCategory reports whether c is one of Categories.
func KnownCategory(c string) bool {
	for _, k := range Categories {
		if k == c {
			return true
		}
	}
	return false
}

// Validate checks one template: slug format (lowercase letters, digits,
// hyphens), known category, chart reference present, value spec keys are dot
// paths of [A-Za-z0-9_-] segments and unique, types known, select specs have
// options and a default among them, defaults have the spec's JSON type
// (number/boolean/string), password specs have no default. All problems are
// reported, joined.
func (t Template) Validate() error {
	var errs []error
	bad := func(format string, a ...any) { errs = append(errs, fmt.Errorf(format, a...)) }

	if strings.TrimSpace(t.Name) == "" {
		bad("name is empty")
	}
	if !slugRe.MatchString(t.Slug) {
		bad("slug %q: want lowercase letters, digits and single hyphens", t.Slug)
	}
	if !KnownCategory(t.Category) {
		bad("unknown category %q (known: %s)", t.Category, strings.Join(Categories, ", "))
	}
	switch {
	case strings.TrimSpace(t.ChartRef) == "":
		bad("chart reference is empty")
	case strings.HasPrefix(t.ChartRef, "oci://") && t.ChartRepoURL != "":
		bad("chart reference %q is an oci:// reference but a repository URL is set", t.ChartRef)
	}
	if t.DefaultPort < 0 || t.DefaultPort > 65535 {
		bad("default port %d out of range", t.DefaultPort)
	}
	if t.MonthlyPrice < 0 || t.MinVCPU < 0 || t.MinRAMGB < 0 || t.MinStorageGB < 0 {
		bad("price and minimum resources must not be negative")
	}

	seen := map[string]bool{}
	check := func(group string, i int, s valuespec.Spec) {
		where := fmt.Sprintf("value_specs.%s[%d] %q", group, i, s.Key)
		if !ValidKey(s.Key) {
			bad("%s: key must be a dot path of [A-Za-z0-9_-] segments", where)
		}
		if seen[s.Key] {
			bad("%s: duplicate key", where)
		}
		seen[s.Key] = true
		if strings.TrimSpace(s.Label) == "" {
			bad("%s: label is empty", where)
		}
		if err := checkSpecType(s); err != nil {
			bad("%s: %w", where, err)
		}
	}
	for i, s := range t.ValueSpecs.Required {
		check("required", i, s)
	}
	for i, s := range t.ValueSpecs.Optional {
		check("optional", i, s)
	}

	if len(errs) == 0 {
		return nil
	}
	return fmt.Errorf("template %q: %w", t.Slug, errors.Join(errs...))
}

// checkSpecType checks a spec's type, options and default.
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
	return nil
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
