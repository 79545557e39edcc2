#!/bin/sh
# Builds the real Kubernetes API server the cluster tests run against
# (helmops/kubetest): etcd and kube-apiserver, from the Go module proxy, in
# the module scripts/kubeapi so that the product's go.mod keeps its own
# Kubernetes versions. Prints the directory holding the two binaries.
#
# The binaries are kept under the user's cache directory, keyed by the
# module's go.mod and go.sum and this script, so only the first run builds (about 8 minutes on 2 cores;
# Go's build cache makes a rebuild after a version change shorter).
# KUBEAPI_DIR overrides the directory.
set -eu
cd "$(dirname "$0")/kubeapi"
GO=${GO:-go}
stamp=$(cat go.mod go.sum ../kubeapi.sh | sha256sum | cut -c1-12)
dir=${KUBEAPI_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/woow-paas/kubeapi-$stamp}
if [ -x "$dir/etcd" ] && [ -x "$dir/kube-apiserver" ]; then
	echo "$dir"
	exit 0
fi
mkdir -p "$dir"
echo "building etcd and kube-apiserver into $dir (first time: several minutes)" >&2
# Built into temporary names first: an interrupted build leaves no binary
# that looks complete.
"$GO" build -o "$dir/etcd.tmp" go.etcd.io/etcd/server/v3 >&2
# Kubernetes' own build stamps its version into the binary; without it the
# server says v0.0.0-master and Helm refuses charts with a kubeVersion.
v=$(sed -n 's/^[[:space:]]*k8s.io\/kubernetes \(v[0-9.]*\)$/\1/p' go.mod)
minor=$(echo "$v" | cut -d. -f2)
pkg=k8s.io/component-base/version
"$GO" build -o "$dir/kube-apiserver.tmp" -ldflags "-X $pkg.gitVersion=$v -X $pkg.gitMajor=1 -X $pkg.gitMinor=$minor -X $pkg.gitTreeState=clean" \
	k8s.io/kubernetes/cmd/kube-apiserver >&2
mv "$dir/etcd.tmp" "$dir/etcd"
mv "$dir/kube-apiserver.tmp" "$dir/kube-apiserver"
echo "$dir"
