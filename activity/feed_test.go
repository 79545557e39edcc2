package activity_test

import (
	"context"
	"io"
	"log/slog"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/woowtech/woow-paas/accounts"
	"github.com/woowtech/woow-paas/activity"
	"github.com/woowtech/woow-paas/auth/authtest"
	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/events"
	"github.com/woowtech/woow-paas/live"
	"github.com/woowtech/woow-paas/push"
	"github.com/woowtech/woow-paas/role"
	"github.com/woowtech/woow-paas/store/storetest"
	"github.com/woowtech/woow-paas/viewer"
	"github.com/woowtech/woow-paas/workspaces"
)

// env is a database with the publish hook on an in-process bus, a feed on
// both, and one workspace whose owner renames it to make entries.
type env struct {
	t     *testing.T
	c     *ent.Client
	acc   *accounts.Service
	feed  *activity.Feed
	ws    *workspaces.Service
	owner context.Context
	id    int
	n     int
}

func setup(t *testing.T) *env {
	t.Helper()
	db := storetest.Open(t)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	hub := events.NewHub(0)
	t.Cleanup(func() { _ = hub.Close() })
	db.Use(func(c *ent.Client) {
		c.ActivityEvent.Use(activity.PublishHook(hub, log))
		live.Install(c, hub, log)
	})
	acc := accounts.New(db.Client, accounts.Config{Hasher: authtest.Hasher(), Log: log})
	u, _, err := acc.Register(t.Context(), accounts.RegisterInput{Email: "ada@example.test", Password: "correct horse battery", Name: "Ada"})
	if err != nil {
		t.Fatal(err)
	}
	e := &env{t: t, c: db.Client, acc: acc, feed: activity.NewFeed(db.Client, hub, log), ws: workspaces.New(db.Client, workspaces.Config{PublicURL: "http://woow.test"})}
	t.Cleanup(e.feed.Close)
	e.owner = viewer.NewContext(context.Background(), &viewer.Viewer{UserID: u.ID})
	w, err := e.ws.Create(e.owner, "Acme", "")
	if err != nil {
		t.Fatal(err)
	}
	e.id = w.ID
	return e
}

// rename makes one activity entry and returns the workspace's new name.
func (e *env) rename() string {
	e.t.Helper()
	e.n++
	name := "Acme " + strconv.Itoa(e.n)
	if _, err := e.ws.Update(e.owner, e.id, &name, nil); err != nil {
		e.t.Fatal(err)
	}
	return name
}

// receive takes the next entry, or reports the channel closed.
func receive(t *testing.T, ch <-chan *ent.ActivityEvent) (*ent.ActivityEvent, bool) {
	t.Helper()
	select {
	case ev, ok := <-ch:
		return ev, ok
	case <-time.After(5 * time.Second):
		t.Fatal("no entry within 5s")
		return nil, false
	}
}

// checkRename checks that ev is the entry of the rename to name.
func checkRename(t *testing.T, ev *ent.ActivityEvent, name string) {
	t.Helper()
	if ev.Verb != "workspace.updated" || !strings.HasSuffix(ev.Summary, " to "+name) {
		t.Fatalf("got %s %q, want the rename to %q", ev.Verb, ev.Summary, name)
	}
	// What a client words the sentence with (a fresh entry, or one read back).
	if ev.Params["to"] != name || ev.Params["from"] == "" || len(ev.Params) != 2 {
		t.Fatalf("the rename to %q has params %v", name, ev.Params)
	}
}

// A reader that asked to be woken (package push) finds each entry in the
// channel when it is woken, and is woken once more when the channel closes
// at the end of its context.
func TestFeedWakesAfterEachEntry(t *testing.T) {
	e := setup(t)
	woken := make(chan struct{}, 64)
	ctx, cancel := context.WithCancel(e.owner)
	ctx, w := push.NewContext(ctx, func() {
		select {
		case woken <- struct{}{}:
		default:
			t.Error("too many wakes")
		}
	})
	ch, err := e.feed.Subscribe(ctx, e.id, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !w.Accepted(ch) {
		t.Fatal("the feed did not accept the wake for its channel")
	}

	for range 3 {
		name := e.rename()
		select {
		case <-woken:
		case <-time.After(5 * time.Second):
			t.Fatal("not woken for an entry")
		}
		// Sent before the wake: there without waiting.
		select {
		case ev := <-ch:
			checkRename(t, ev, name)
		default:
			t.Fatal("woken with nothing in the channel")
		}
	}

	cancel()
	select {
	case <-woken:
	case <-time.After(5 * time.Second):
		t.Fatal("not woken when the context ended")
	}
	select {
	case _, ok := <-ch:
		if ok {
			t.Fatal("an entry after the end")
		}
	default:
		t.Fatal("woken at the end, but the channel is open")
	}
}

// A subscriber that stops reading is dropped once its buffer is full: its
// channel keeps what it had and then closes, its reader is woken for the
// close, and a subscriber that reads gets every entry meanwhile.
func TestFeedDropsLaggingSubscriber(t *testing.T) {
	e := setup(t)
	woken := make(chan struct{}, 64)
	lagCtx, ending := push.WithEnding(e.owner)
	lagCtx, _ = push.NewContext(lagCtx, func() { woken <- struct{}{} })
	lagging, err := e.feed.Subscribe(lagCtx, e.id, nil)
	if err != nil {
		t.Fatal(err)
	}
	reading, err := e.feed.Subscribe(e.owner, e.id, nil)
	if err != nil {
		t.Fatal(err)
	}

	const entries = 20 // more than a subscriber's buffer (16)
	var names []string
	for range entries {
		names = append(names, e.rename())
		ev, ok := receive(t, reading)
		if !ok {
			t.Fatal("the reading subscriber was dropped")
		}
		checkRename(t, ev, names[len(names)-1])
	}

	kept := 0
	for {
		ev, ok := receive(t, lagging)
		if !ok {
			break
		}
		checkRename(t, ev, names[kept]) // the oldest ones, in order
		kept++
	}
	if kept == 0 || kept >= entries {
		t.Fatalf("the lagging subscriber kept %d of %d entries, want its buffer's worth", kept, entries)
	}
	// One wake per entry it kept, and one for the close.
	if got := len(woken); got != kept+1 {
		t.Fatalf("woken %d times for %d entries and the close", got, kept)
	}
	// The client reads why: it resubscribes after its last entry.
	if err := ending.Take(); errs.CodeOf(err) != errs.Conflict {
		t.Fatalf("the lagging stream ended with %v, want CONFLICT", err)
	}
}

// An archived workspace has nothing more to tell: every subscriber's
// stream ends with CONFLICT, which the client reads.
func TestFeedEndsWhenTheWorkspaceIsArchived(t *testing.T) {
	e := setup(t)
	var chans []<-chan *ent.ActivityEvent
	var endings []*push.Ending
	for range 3 {
		ctx, ending := push.WithEnding(e.owner)
		ch, err := e.feed.Subscribe(ctx, e.id, nil)
		if err != nil {
			t.Fatal(err)
		}
		chans, endings = append(chans, ch), append(endings, ending)
	}
	if _, err := e.ws.Archive(e.owner, e.id); err != nil {
		t.Fatal(err)
	}
	for i, ch := range chans {
		for {
			ev, ok := receive(t, ch)
			if !ok {
				break
			}
			if ev.Verb != "workspace.archived" {
				t.Fatalf("subscriber %d: got %s, want the archiving entry or the end", i, ev.Verb)
			}
		}
		if err := endings[i].Take(); errs.CodeOf(err) != errs.Conflict {
			t.Fatalf("subscriber %d: ended with %v, want CONFLICT", i, err)
		}
	}
	// Nothing more will happen there: a new subscription is refused.
	if _, err := e.feed.Subscribe(e.owner, e.id, nil); errs.CodeOf(err) != errs.Conflict {
		t.Fatalf("subscribing to an archived workspace: %v, want CONFLICT", err)
	}
}

// A subscriber that names the last entry it has gets every later one
// exactly once and in order, also those written while it subscribes.
func TestFeedResumesAfterACursor(t *testing.T) {
	e := setup(t)
	e.rename()
	first, err := e.feed.Subscribe(e.owner, e.id, nil) // to learn the entry's id
	if err != nil {
		t.Fatal(err)
	}
	e.rename()
	have, _ := receive(t, first)

	var names []string
	for range 3 { // missed: written before the subscription
		names = append(names, e.rename())
	}
	done := make(chan []string)
	go func() { // and more while it subscribes
		var more []string
		for range 5 {
			more = append(more, e.rename())
		}
		done <- more
	}()
	after := have.ID
	ch, err := e.feed.Subscribe(e.owner, e.id, &after)
	if err != nil {
		t.Fatal(err)
	}
	names = append(names, <-done...)
	for i, want := range names {
		ev, ok := receive(t, ch)
		if !ok {
			t.Fatalf("closed after %d of %d entries", i, len(names))
		}
		checkRename(t, ev, want)
	}
	select {
	case ev := <-ch:
		t.Fatalf("an entry twice or unexpected: %q", ev.Summary)
	case <-time.After(200 * time.Millisecond):
	}
}

// Too much missed is refused: the client reads the feed again.
func TestFeedRefusesAStaleCursor(t *testing.T) {
	e := setup(t)
	after := 0
	for range 501 {
		e.rename()
	}
	if _, err := e.feed.Subscribe(e.owner, e.id, &after); errs.CodeOf(err) != errs.Conflict {
		t.Fatalf("501 missed: %v, want CONFLICT", err)
	}
}

// An entry is loaded once for all its subscribers with the edges every
// one of them may see: its workspace, and its actor while the actor is a
// member there. An actor who has left is read per subscriber, through
// the privacy rules: visible to one who shares another workspace with
// them, not to one who does not.
func TestFeedLoadsSharedEdgesOnce(t *testing.T) {
	e := setup(t)
	ctx, cancel := context.WithCancel(e.owner)
	defer cancel()
	ch, err := e.feed.Subscribe(ctx, e.id, nil)
	if err != nil {
		t.Fatal(err)
	}
	name := e.rename()
	ev, _ := receive(t, ch)
	checkRename(t, ev, name)
	if a, err := ev.Edges.ActorOrErr(); err != nil || a.Name != "Ada" {
		t.Errorf("a member's entry: actor %v, %v; want Ada loaded", a, err)
	}
	if w, err := ev.Edges.WorkspaceOrErr(); err != nil || w.ID != e.id {
		t.Errorf("entry's workspace %v, %v; want %d loaded", w, err, e.id)
	}

	// Bob never was in Acme; an entry names him (as if he had left).
	bob, _, err := e.acc.Register(t.Context(), accounts.RegisterInput{Email: "bob@example.test", Password: "correct horse battery", Name: "Bob"})
	if err != nil {
		t.Fatal(err)
	}
	sys := viewer.System(t.Context())
	e.c.ActivityEvent.Create().SetWorkspaceID(e.id).SetVerb("test.acted").SetSubjectType("Workspace").
		SetSubjectID(e.id).SetSummary("Bob acted").SetActorID(bob.ID).ExecX(sys)
	ev, _ = receive(t, ch)
	if _, err := ev.Edges.ActorOrErr(); !ent.IsNotLoaded(err) {
		t.Fatalf("an outsider's entry has its actor loaded for every subscriber (%v)", err)
	}
	if a, err := ev.Actor(e.owner); err != nil || a != nil {
		t.Errorf("Ada reads the actor %v, %v; want none (they share no workspace)", a, err)
	}
	bobs := e.c.Workspace.Create().SetName("Bob's").SetSlug("bobs").SetOwnerID(bob.ID).SaveX(sys)
	e.c.WorkspaceMember.Create().SetWorkspaceID(bobs.ID).SetUserID(bob.ID).SetRole(role.Owner).ExecX(sys)
	e.c.WorkspaceMember.Create().SetWorkspaceID(bobs.ID).SetUserID(mustViewer(t, e.owner)).SetRole(role.User).ExecX(sys)
	if a, err := ev.Actor(e.owner); err != nil || a == nil || a.ID != bob.ID {
		t.Errorf("Ada, sharing Bob's workspace, reads the actor %v, %v; want Bob", a, err)
	}
}

func mustViewer(t *testing.T, ctx context.Context) int {
	t.Helper()
	v := viewer.FromContext(ctx)
	if v == nil {
		t.Fatal("no viewer")
	}
	return v.UserID
}
