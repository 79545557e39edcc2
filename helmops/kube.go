package helmops

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"helm.sh/helm/v3/pkg/releaseutil"
	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/apimachinery/pkg/util/validation"
	"sigs.k8s.io/yaml"
)

// Names of the objects EnsureNamespace manages, and the label it sets.
const (
	QuotaName      = "woow-quota"
	LimitRangeName = "woow-defaults"
	managedByLabel = "app.kubernetes.io/managed-by"
	managedBy      = "woow-paas"
)

// StoppedReplicasAnnotation is set by ScaleDown on each workload it scales
// to zero: the replica count it had, so that a repeated ScaleDown still
// reports it and ScaleUp can restore it.
const StoppedReplicasAnnotation = "paas.woow.tech/stopped-replicas"

// Quota bounds what a namespace may use, as Kubernetes quantities ("2",
// "1500m", "4Gi"); an empty field sets no bound.
type Quota struct {
	CPU     string // limits.cpu: the sum of the containers' CPU limits
	Memory  string // limits.memory: the sum of the containers' memory limits
	Storage string // requests.storage: the sum of the volume claims
}

// EnsureNamespace creates namespace ns if it is missing and gives it the
// quota: a ResourceQuota (QuotaName) with the given hard limits, created or
// brought up to date, and, when CPU or memory is bounded, a LimitRange
// (LimitRangeName) with container defaults, since a quota on limits makes
// Kubernetes reject pods that declare none. A quota with no field set
// leaves any existing quota alone. Nothing happens in dry-run mode.
func (e *Engine) EnsureNamespace(ctx context.Context, ns string, quota Quota) error {
	if errs := validation.IsDNS1123Label(ns); len(errs) > 0 {
		return fmt.Errorf("namespace %q: %s", ns, strings.Join(errs, "; "))
	}
	hard, err := quota.hard()
	if err != nil {
		return err
	}
	if e.mode == ModeDryRun {
		return nil
	}
	core := e.clientset.CoreV1()
	_, err = core.Namespaces().Get(ctx, ns, metav1.GetOptions{})
	if apierrors.IsNotFound(err) {
		_, err = core.Namespaces().Create(ctx, &corev1.Namespace{ObjectMeta: metav1.ObjectMeta{
			Name:   ns,
			Labels: map[string]string{managedByLabel: managedBy},
		}}, metav1.CreateOptions{})
		if apierrors.IsAlreadyExists(err) {
			err = nil
		}
	}
	if err != nil {
		return fmt.Errorf("namespace %s: %w", ns, err)
	}
	if len(hard) == 0 {
		return nil
	}

	meta := metav1.ObjectMeta{Name: QuotaName, Namespace: ns, Labels: map[string]string{managedByLabel: managedBy}}
	q, err := core.ResourceQuotas(ns).Get(ctx, QuotaName, metav1.GetOptions{})
	switch {
	case apierrors.IsNotFound(err):
		_, err = core.ResourceQuotas(ns).Create(ctx, &corev1.ResourceQuota{
			ObjectMeta: meta,
			Spec:       corev1.ResourceQuotaSpec{Hard: hard},
		}, metav1.CreateOptions{})
	case err == nil && !sameResources(q.Spec.Hard, hard):
		q.Spec.Hard = hard
		_, err = core.ResourceQuotas(ns).Update(ctx, q, metav1.UpdateOptions{})
	}
	if err != nil {
		return fmt.Errorf("resource quota in %s: %w", ns, err)
	}

	item := limitRangeItem(hard)
	if item == nil {
		return nil
	}
	meta.Name = LimitRangeName
	lr, err := core.LimitRanges(ns).Get(ctx, LimitRangeName, metav1.GetOptions{})
	switch {
	case apierrors.IsNotFound(err):
		_, err = core.LimitRanges(ns).Create(ctx, &corev1.LimitRange{
			ObjectMeta: meta,
			Spec:       corev1.LimitRangeSpec{Limits: []corev1.LimitRangeItem{*item}},
		}, metav1.CreateOptions{})
	case err == nil && (len(lr.Spec.Limits) != 1 ||
		!sameResources(lr.Spec.Limits[0].Default, item.Default) ||
		!sameResources(lr.Spec.Limits[0].DefaultRequest, item.DefaultRequest)):
		lr.Spec.Limits = []corev1.LimitRangeItem{*item}
		_, err = core.LimitRanges(ns).Update(ctx, lr, metav1.UpdateOptions{})
	}
	if err != nil {
		return fmt.Errorf("limit range in %s: %w", ns, err)
	}
	return nil
}

// hard is the quota as a ResourceQuota's hard limits.
// Validate says why a field is not a positive Kubernetes quantity.
func (q Quota) Validate() error {
	_, err := q.hard()
	return err
}

func (q Quota) hard() (corev1.ResourceList, error) {
	hard := corev1.ResourceList{}
	for _, f := range []struct {
		name  corev1.ResourceName
		value string
	}{
		{corev1.ResourceLimitsCPU, q.CPU},
		{corev1.ResourceLimitsMemory, q.Memory},
		{corev1.ResourceRequestsStorage, q.Storage},
	} {
		if f.value == "" {
			continue
		}
		v, err := resource.ParseQuantity(f.value)
		if err != nil || v.Sign() <= 0 {
			return nil, fmt.Errorf("quota %s: %q is not a positive quantity", f.name, f.value)
		}
		hard[f.name] = v
	}
	return hard, nil
}

// limitRangeItem is the container defaults for a quota: the usual defaults,
// lowered to the quota where it is smaller.
func limitRangeItem(hard corev1.ResourceList) *corev1.LimitRangeItem {
	item := corev1.LimitRangeItem{
		Type:           corev1.LimitTypeContainer,
		Default:        corev1.ResourceList{},
		DefaultRequest: corev1.ResourceList{},
	}
	set := func(name corev1.ResourceName, limit, request resource.Quantity) {
		max, ok := hard[corev1.ResourceName("limits."+string(name))]
		if !ok {
			return
		}
		if limit.Cmp(max) > 0 {
			limit = max.DeepCopy()
		}
		if request.Cmp(limit) > 0 {
			request = limit.DeepCopy()
		}
		item.Default[name] = limit
		item.DefaultRequest[name] = request
	}
	// The usual container defaults (a quota on limits makes Kubernetes
	// reject pods that set none), parsed here rather than kept in package
	// variables.
	set(corev1.ResourceCPU, resource.MustParse("500m"), resource.MustParse("100m"))
	set(corev1.ResourceMemory, resource.MustParse("512Mi"), resource.MustParse("128Mi"))
	if len(item.Default) == 0 {
		return nil
	}
	return &item
}

func sameResources(a, b corev1.ResourceList) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		w, ok := b[k]
		if !ok || v.Cmp(w) != 0 {
			return false
		}
	}
	return true
}

// workload is a Deployment or StatefulSet of a release's manifest.
type workload struct {
	Kind, Name, Namespace string
	Replicas              int32 // as rendered; 1 when the manifest sets none
}

func (w workload) key() string { return w.Kind + "/" + w.Name }

// workloads lists the Deployments and StatefulSets (apps/v1) of a rendered
// manifest, in a stable order; objects without a namespace are in ns.
func workloads(manifest, ns string) ([]workload, error) {
	docs := releaseutil.SplitManifests(manifest)
	var out []workload
	for _, k := range slices.Sorted(maps.Keys(docs)) {
		var obj struct {
			APIVersion string `json:"apiVersion"`
			Kind       string `json:"kind"`
			Metadata   struct {
				Name      string `json:"name"`
				Namespace string `json:"namespace"`
			} `json:"metadata"`
			Spec struct {
				Replicas *int32 `json:"replicas"`
			} `json:"spec"`
		}
		if err := yaml.Unmarshal([]byte(docs[k]), &obj); err != nil {
			return nil, fmt.Errorf("release manifest: %w", err)
		}
		if obj.APIVersion != "apps/v1" || (obj.Kind != "Deployment" && obj.Kind != "StatefulSet") || obj.Metadata.Name == "" {
			continue
		}
		w := workload{Kind: obj.Kind, Name: obj.Metadata.Name, Namespace: obj.Metadata.Namespace, Replicas: 1}
		if w.Namespace == "" {
			w.Namespace = ns
		}
		if obj.Spec.Replicas != nil {
			w.Replicas = *obj.Spec.Replicas
		}
		out = append(out, w)
	}
	return out, nil
}

// ScaleDown scales every Deployment and StatefulSet of release name (those
// of its newest revision's manifest) to zero and returns the replica
// counts they had, keyed "Kind/name". Each scaled object keeps its count
// in the StoppedReplicasAnnotation, so a repeated ScaleDown (a retried job)
// returns the same counts, not zeros. Objects missing from the cluster are
// skipped. In dry-run mode it returns the manifest's counts (1 where it
// sets none) and changes nothing.
func (e *Engine) ScaleDown(ctx context.Context, namespace, name string) (map[string]int32, error) {
	return exclusive(ctx, e, namespace, name, func() (map[string]int32, error) {
		ws, err := e.releaseWorkloads(ctx, namespace, name)
		if err != nil {
			return nil, err
		}
		prev := map[string]int32{}
		for _, w := range ws {
			if e.mode == ModeDryRun {
				prev[w.key()] = w.Replicas
				continue
			}
			cur, stopped, found, err := e.replicas(ctx, w)
			if err != nil {
				return nil, err
			}
			if !found {
				e.log.Warn("workload of the release not found", "namespace", w.Namespace, "object", w.key(), "release", name)
				continue
			}
			if cur == 0 && stopped >= 0 {
				prev[w.key()] = stopped
				continue
			}
			prev[w.key()] = cur
			if err := e.patchReplicas(ctx, w, 0, strconv.Itoa(int(cur))); err != nil {
				return nil, err
			}
		}
		return prev, nil
	})
}

// ScaleUp restores the replica counts ScaleDown returned (keyed
// "Kind/name") on the Deployments and StatefulSets of release name and
// removes the StoppedReplicasAnnotation. A workload missing from replicas
// gets the count in its annotation, or is left alone. In dry-run mode it
// only checks that the release exists.
func (e *Engine) ScaleUp(ctx context.Context, namespace, name string, replicas map[string]int32) error {
	_, err := exclusive(ctx, e, namespace, name, func() (struct{}, error) {
		ws, err := e.releaseWorkloads(ctx, namespace, name)
		if err != nil || e.mode == ModeDryRun {
			return struct{}{}, err
		}
		for _, w := range ws {
			n, ok := replicas[w.key()]
			_, stopped, found, err := e.replicas(ctx, w)
			if err != nil {
				return struct{}{}, err
			}
			if !found {
				e.log.Warn("workload of the release not found", "namespace", w.Namespace, "object", w.key(), "release", name)
				continue
			}
			if !ok {
				if stopped < 0 {
					continue
				}
				n = stopped
			}
			if err := e.patchReplicas(ctx, w, n, ""); err != nil {
				return struct{}{}, err
			}
		}
		return struct{}{}, nil
	})
	return err
}

func (e *Engine) releaseWorkloads(ctx context.Context, namespace, name string) ([]workload, error) {
	rel, err := e.revision(ctx, namespace, name, 0)
	if err != nil {
		return nil, err
	}
	return workloads(rel.Manifest, namespace)
}

// replicas reads a workload's replica count and its stopped-replicas
// annotation (-1 when absent or invalid).
func (e *Engine) replicas(ctx context.Context, w workload) (cur, stopped int32, found bool, err error) {
	var (
		spec *int32
		ann  map[string]string
	)
	apps := e.clientset.AppsV1()
	switch w.Kind {
	case "Deployment":
		d, gerr := apps.Deployments(w.Namespace).Get(ctx, w.Name, metav1.GetOptions{})
		if gerr == nil {
			spec, ann = d.Spec.Replicas, d.Annotations
		}
		err = gerr
	case "StatefulSet":
		s, gerr := apps.StatefulSets(w.Namespace).Get(ctx, w.Name, metav1.GetOptions{})
		if gerr == nil {
			spec, ann = s.Spec.Replicas, s.Annotations
		}
		err = gerr
	}
	if apierrors.IsNotFound(err) {
		return 0, -1, false, nil
	}
	if err != nil {
		return 0, -1, false, fmt.Errorf("%s in %s: %w", w.key(), w.Namespace, err)
	}
	cur = 1
	if spec != nil {
		cur = *spec
	}
	stopped = -1
	if v, ok := ann[StoppedReplicasAnnotation]; ok {
		if n, perr := strconv.ParseInt(v, 10, 32); perr == nil && n >= 0 {
			stopped = int32(n)
		}
	}
	return cur, stopped, true, nil
}

// patchReplicas sets a workload's spec.replicas with a merge patch, and its
// stopped-replicas annotation to stopped ("" removes it).
func (e *Engine) patchReplicas(ctx context.Context, w workload, n int32, stopped string) error {
	var ann any // JSON null removes the annotation
	if stopped != "" {
		ann = stopped
	}
	patch, err := json.Marshal(map[string]any{
		"metadata": map[string]any{"annotations": map[string]any{StoppedReplicasAnnotation: ann}},
		"spec":     map[string]any{"replicas": n},
	})
	if err != nil {
		return err
	}
	apps := e.clientset.AppsV1()
	switch w.Kind {
	case "Deployment":
		_, err = apps.Deployments(w.Namespace).Patch(ctx, w.Name, types.MergePatchType, patch, metav1.PatchOptions{})
	case "StatefulSet":
		_, err = apps.StatefulSets(w.Namespace).Patch(ctx, w.Name, types.MergePatchType, patch, metav1.PatchOptions{})
	}
	if err != nil {
		return fmt.Errorf("scaling %s in %s to %d: %w", w.key(), w.Namespace, n, err)
	}
	return nil
}
