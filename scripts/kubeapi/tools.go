//go:build tools

// The two programs scripts/kubeapi.sh builds; importing them here keeps
// their dependencies in this module's go.mod.
package kubeapi

import (
	_ "go.etcd.io/etcd/server/v3/etcdmain"
	_ "k8s.io/kubernetes/cmd/kube-apiserver/app"
)
