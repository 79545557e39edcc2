package resolvers

import (
	"github.com/woowtech/woow-paas/graph/model"
	"github.com/woowtech/woow-paas/helmops"
	"github.com/woowtech/woow-paas/settings"
)

// settingsUpdate is the GraphQL input as package settings takes it.
func settingsUpdate(in model.UpdatePlatformSettingsInput) settings.Update {
	out := settings.Update{
		ServiceDomain: in.ServiceDomain, SMTPURL: in.SMTPURL, MailFrom: in.MailFrom,
		CFToken: in.CloudflareAPIToken, CFAccount: in.CloudflareAccountID, CFZone: in.CloudflareZoneID,
	}
	if in.Registration != nil {
		r := settings.Registration(*in.Registration)
		out.Registration = &r
	}
	if q := in.NamespaceQuota; q != nil {
		out.NamespaceQuota = &helmops.Quota{CPU: deref(q.CPU), Memory: deref(q.Memory), Storage: deref(q.Storage)}
	}
	return out
}

// environmentSettings names the variable of each locked setting.
func environmentSettings(v *settings.View) []*model.EnvironmentSetting {
	out := make([]*model.EnvironmentSetting, 0, len(v.Locked))
	for _, k := range v.Locked {
		out = append(out, &model.EnvironmentSetting{Setting: k, Variable: settings.Variables[k]})
	}
	return out
}
