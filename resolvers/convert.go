package resolvers

import (
	"github.com/woowtech/woow-paas/catalog"
	"github.com/woowtech/woow-paas/graph/model"
	"github.com/woowtech/woow-paas/workspaces"
)

// templateFromCreate turns the GraphQL input into a catalogue template,
// with the defaults an admin leaves out.
func templateFromCreate(in model.CreateAppTemplateInput) catalog.Template {
	t := catalog.Template{
		Name: in.Name, Slug: in.Slug, Category: string(in.Category), ChartRef: in.ChartRef,
		Tags: in.Tags, DefaultValues: in.DefaultValues, DefaultPort: 80, Active: true,
	}
	if in.ValueSpecs != nil {
		t.ValueSpecs = *in.ValueSpecs
	}
	setOpt(&t.Description, in.Description)
	setOpt(&t.FullDescription, in.FullDescription)
	setOpt(&t.Icon, in.Icon)
	setOpt(&t.MonthlyPrice, in.MonthlyPrice)
	setOpt(&t.DocumentationURL, in.DocumentationURL)
	setOpt(&t.ChartRepoURL, in.ChartRepoURL)
	setOpt(&t.ChartVersion, in.ChartVersion)
	setOpt(&t.DefaultPort, in.DefaultPort)
	setOpt(&t.IngressEnabled, in.IngressEnabled)
	setOpt(&t.MinVCPU, in.MinVcpu)
	setOpt(&t.MinRAMGB, in.MinRAMGb)
	setOpt(&t.MinStorageGB, in.MinStorageGb)
	setOpt(&t.Active, in.Active)
	return t
}

// applyUpdate returns the edit an update input makes: given fields
// replace, absent ones stay.
func applyUpdate(in model.UpdateAppTemplateInput) func(*catalog.Template) {
	return func(t *catalog.Template) {
		setOpt(&t.Name, in.Name)
		setOpt(&t.Description, in.Description)
		setOpt(&t.FullDescription, in.FullDescription)
		if in.Category != nil {
			t.Category = string(*in.Category)
		}
		if in.Tags != nil {
			t.Tags = in.Tags
		}
		setOpt(&t.Icon, in.Icon)
		setOpt(&t.MonthlyPrice, in.MonthlyPrice)
		setOpt(&t.DocumentationURL, in.DocumentationURL)
		setOpt(&t.ChartRef, in.ChartRef)
		setOpt(&t.ChartRepoURL, in.ChartRepoURL)
		setOpt(&t.ChartVersion, in.ChartVersion)
		if in.DefaultValues != nil {
			t.DefaultValues = in.DefaultValues
		}
		setOpt(&t.ValueSpecs, in.ValueSpecs)
		setOpt(&t.DefaultPort, in.DefaultPort)
		setOpt(&t.IngressEnabled, in.IngressEnabled)
		setOpt(&t.MinVCPU, in.MinVcpu)
		setOpt(&t.MinRAMGB, in.MinRAMGb)
		setOpt(&t.MinStorageGB, in.MinStorageGb)
		setOpt(&t.Active, in.Active)
	}
}

func setOpt[T any](dst *T, v *T) {
	if v != nil {
		*dst = *v
	}
}

// deref is the value of an optional argument, or its zero value.
func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

// answer names the invitation an acceptInvitation or declineInvitation
// input gives.
func answer(id *int, token *string) workspaces.Answer {
	return workspaces.Answer{ID: deref(id), Token: deref(token)}
}
