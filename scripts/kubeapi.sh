#!/bin/sh
# Builds the real Kubernetes API server the cluster tests run against
# (helmops/kubetest): etcd and kube-apiserver, from the Go module proxy, in
# the module scripts/kubeapi so that the product's go.mod keeps its own
# Kubernetes versions. Prints the directory holding the two binaries.
#
# The binaries are kept under the user's cache directory, keyed by the
# module's go.sum, so only the first run builds (about 8 minutes on 2 cores;
# Go's build cache makes a rebuild after a version change shorter).
# KUBEAPI_DIR overrides the directory.
set -eu
cd "$(dirname "$0")/kubeapi"
GO=${GO:-go}
stamp=$(cat go.mod go.sum | sha256sum | cut -c1-12)
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
"$GO" build -o "$dir/kube-apiserver.tmp" k8s.io/kubernetes/cmd/kube-apiserver >&2
mv "$dir/etcd.tmp" "$dir/etcd"
mv "$dir/kube-apiserver.tmp" "$dir/kube-apiserver"
echo "$dir"
