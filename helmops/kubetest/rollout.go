package kubetest

import (
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"maps"
	"time"

	appsv1 "k8s.io/api/apps/v1"
	"k8s.io/apimachinery/pkg/api/equality"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
)

// templateHashLabel is the label the deployment controller puts on a
// ReplicaSet's selector and pods; Helm ignores it when it matches a
// ReplicaSet to its Deployment's template.
const templateHashLabel = "pod-template-hash"

// rollOut stands in for the deployment controller and the nodes, which this
// API server does not have, until ctx ends: every 50 ms it gives each
// Deployment a ReplicaSet owned by it for its current pod template, scaled
// to its replicas and reporting them all ready, scales the ReplicaSets of
// older templates to zero, and records the Deployment's status as
// observed. That is exactly what Helm's --wait checks (the newest
// ReplicaSet's ready replicas and both objects' observed generations).
// StatefulSets are reported ready likewise (reconcileStatefulSet).
// Nothing else is simulated: the objects, their validation and their
// generations are the real API server's.
func rollOut(ctx context.Context, cs kubernetes.Interface) {
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for {
		deps, err := cs.AppsV1().Deployments("").List(ctx, metav1.ListOptions{})
		if err == nil {
			for i := range deps.Items {
				// A conflict or a Deployment deleted meanwhile is retried on
				// the next tick.
				_ = reconcile(ctx, cs, &deps.Items[i])
			}
		}
		if sets, err := cs.AppsV1().StatefulSets("").List(ctx, metav1.ListOptions{}); err == nil {
			for i := range sets.Items {
				_ = reconcileStatefulSet(ctx, cs, &sets.Items[i])
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

func reconcile(ctx context.Context, cs kubernetes.Interface, d *appsv1.Deployment) error {
	if d.DeletionTimestamp != nil {
		return nil
	}
	replicas := int32(1)
	if d.Spec.Replicas != nil {
		replicas = *d.Spec.Replicas
	}
	hash, err := templateHash(d)
	if err != nil {
		return err
	}
	rsAPI := cs.AppsV1().ReplicaSets(d.Namespace)
	list, err := rsAPI.List(ctx, metav1.ListOptions{})
	if err != nil {
		return err
	}
	var current *appsv1.ReplicaSet
	for i := range list.Items {
		rs := &list.Items[i]
		if owner := metav1.GetControllerOf(rs); owner == nil || owner.UID != d.UID {
			continue
		}
		if rs.Labels[templateHashLabel] == hash {
			current = rs
			continue
		}
		if rs.Spec.Replicas == nil || *rs.Spec.Replicas != 0 {
			rs.Spec.Replicas = ptr(int32(0))
			if _, err := rsAPI.Update(ctx, rs, metav1.UpdateOptions{}); err != nil {
				return err
			}
		}
	}

	if current == nil {
		tmpl := d.Spec.Template.DeepCopy()
		tmpl.Labels = withHash(tmpl.Labels, hash)
		sel := d.Spec.Selector.DeepCopy()
		sel.MatchLabels = withHash(sel.MatchLabels, hash)
		current, err = rsAPI.Create(ctx, &appsv1.ReplicaSet{
			ObjectMeta: metav1.ObjectMeta{
				Name:            d.Name + "-" + hash,
				Namespace:       d.Namespace,
				Labels:          withHash(d.Spec.Template.Labels, hash),
				OwnerReferences: []metav1.OwnerReference{*metav1.NewControllerRef(d, appsv1.SchemeGroupVersion.WithKind("Deployment"))},
			},
			Spec: appsv1.ReplicaSetSpec{Replicas: ptr(replicas), Selector: sel, Template: *tmpl},
		}, metav1.CreateOptions{})
		if err != nil {
			return err
		}
	} else if current.Spec.Replicas == nil || *current.Spec.Replicas != replicas {
		current.Spec.Replicas = ptr(replicas)
		if current, err = rsAPI.Update(ctx, current, metav1.UpdateOptions{}); err != nil {
			return err
		}
	}

	rsStatus := appsv1.ReplicaSetStatus{
		Replicas: replicas, FullyLabeledReplicas: replicas, ReadyReplicas: replicas,
		AvailableReplicas: replicas, ObservedGeneration: current.Generation,
	}
	if !equality.Semantic.DeepEqual(current.Status, rsStatus) {
		current.Status = rsStatus
		if _, err := rsAPI.UpdateStatus(ctx, current, metav1.UpdateOptions{}); err != nil {
			return err
		}
	}
	st := &d.Status
	if st.ObservedGeneration != d.Generation || st.Replicas != replicas || st.ReadyReplicas != replicas ||
		st.UpdatedReplicas != replicas || st.AvailableReplicas != replicas {
		st.ObservedGeneration, st.Replicas, st.UpdatedReplicas = d.Generation, replicas, replicas
		st.ReadyReplicas, st.AvailableReplicas = replicas, replicas
		if _, err := cs.AppsV1().Deployments(d.Namespace).UpdateStatus(ctx, d, metav1.UpdateOptions{}); err != nil && !apierrors.IsNotFound(err) {
			return err
		}
	}
	return nil
}

// reconcileStatefulSet reports a StatefulSet's replicas all ready and
// updated, as its controller would once its pods ran.
func reconcileStatefulSet(ctx context.Context, cs kubernetes.Interface, s *appsv1.StatefulSet) error {
	if s.DeletionTimestamp != nil {
		return nil
	}
	replicas := int32(1)
	if s.Spec.Replicas != nil {
		replicas = *s.Spec.Replicas
	}
	rev := fmt.Sprintf("%s-%d", s.Name, s.Generation)
	want := appsv1.StatefulSetStatus{
		ObservedGeneration: s.Generation, Replicas: replicas, ReadyReplicas: replicas,
		CurrentReplicas: replicas, UpdatedReplicas: replicas, AvailableReplicas: replicas,
		CurrentRevision: rev, UpdateRevision: rev,
	}
	if equality.Semantic.DeepEqual(s.Status, want) {
		return nil
	}
	s.Status = want
	_, err := cs.AppsV1().StatefulSets(s.Namespace).UpdateStatus(ctx, s, metav1.UpdateOptions{})
	return err
}

// templateHash names a pod template, as the deployment controller's
// pod-template-hash does (not the same value: nothing compares them).
func templateHash(d *appsv1.Deployment) (string, error) {
	b, err := json.Marshal(d.Spec.Template)
	if err != nil {
		return "", err
	}
	h := fnv.New32a()
	h.Write(b)
	return fmt.Sprintf("%08x", h.Sum32()), nil
}

func withHash(labels map[string]string, hash string) map[string]string {
	m := maps.Clone(labels)
	if m == nil {
		m = map[string]string{}
	}
	m[templateHashLabel] = hash
	return m
}

func ptr[T any](v T) *T { return &v }
