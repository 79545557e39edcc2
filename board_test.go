package main

// Projects and the Kanban board against the real server (SPEC section 8,
// issue 16): stages, tasks, moves compared with a model, concurrent moves,
// the projectBoard stream, permissions and isolation.

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

const (
	createProjectMut = `mutation($in: CreateProjectInput!) { createProject(input: $in) { project { id viewerCanEdit stages { id name } } } }`
	createStageMut   = `mutation($in: CreateTaskStageInput!) { createTaskStage(input: $in) { stage { id sequence } } }`
	moveStageMut     = `mutation($id: ID!, $p: Int!) { moveTaskStage(input: {id: $id, position: $p}) { stage { id sequence } } }`
	deleteStageMut   = `mutation($id: ID!, $to: ID) { deleteTaskStage(input: {id: $id, moveTasksTo: $to}) { deletedId } }`
	createTaskMut    = `mutation($in: CreateTaskInput!) { createTask(input: $in) { task { id rank } } }`
	updateTaskMut    = `mutation($in: UpdateTaskInput!) { updateTask(input: $in) { task { id title tags priority assignee { id } deadline } } }`
	moveTaskMut      = `mutation($id: ID!, $s: ID!, $p: Int!) { moveTask(input: {id: $id, stageId: $s, position: $p}) { task { id stageID rank } } }`
	deleteTaskMut    = `mutation($id: ID!) { deleteTask(input: {id: $id}) { deletedId } }`
	boardQuery       = `query($id: ID!) { node(id: $id) { ... on Project { name stages { id name tasks { id title } } } } }`
	taskThreadQuery  = `query($id: ID!) { node(id: $id) { ... on Task { thread { id task { id } } } } }`
	projectBoardSub  = `subscription($p: ID!) { projectBoard(projectId: $p) { change deletedId task { id stageID rank title } stage { id name sequence } } }`
)

type boardView []struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Tasks []struct {
		ID    string `json:"id"`
		Title string `json:"title"`
	} `json:"tasks"`
}

// columns is the board as stage id -> task ids, and the stage order.
func readBoard(t *testing.T, who *account, project string) (map[string][]string, []string) {
	t.Helper()
	b := pick[boardView](t, who.mustDo(t, boardQuery, map[string]any{"id": project}), "node.stages")
	cols := map[string][]string{}
	var order []string
	for _, st := range b {
		order = append(order, st.ID)
		cols[st.ID] = []string{}
		for _, tk := range st.Tasks {
			cols[st.ID] = append(cols[st.ID], tk.ID)
		}
	}
	return cols, order
}

type boardFixture struct {
	c                      *chat
	project, other         string
	todo, doing, done      string
	outsider               *account
	outsiderProject, alien string // a project and stage in the outsider's workspace
}

func newBoard(t *testing.T) *boardFixture {
	t.Helper()
	c := newChat(t, newTestEnv(t))
	f := &boardFixture{c: c, outsider: c.out}
	data := c.bob.mustDo(t, createProjectMut, map[string]any{"in": map[string]any{"workspaceId": c.ws, "name": "Support", "description": "Tickets"}})
	f.project = pick[string](t, data, "createProject.project.id")
	stages := pick[[]struct{ ID, Name string }](t, data, "createProject.project.stages")
	var got []string
	for _, s := range stages {
		got = append(got, s.Name)
	}
	if !slices.Equal(got, []string{"To do", "In progress", "Done"}) || !pick[bool](t, data, "createProject.project.viewerCanEdit") {
		t.Fatalf("new project: %s", data)
	}
	f.todo, f.doing, f.done = stages[0].ID, stages[1].ID, stages[2].ID
	f.other = pick[string](t, c.bob.mustDo(t, createProjectMut, map[string]any{"in": map[string]any{"workspaceId": c.ws, "name": "Other"}}), "createProject.project.id")
	ows := pick[string](t, c.out.mustDo(t, createWorkspaceMut, map[string]any{"name": "Elsewhere"}), "createWorkspace.workspace.id")
	data = c.out.mustDo(t, createProjectMut, map[string]any{"in": map[string]any{"workspaceId": ows, "name": "Theirs"}})
	f.outsiderProject = pick[string](t, data, "createProject.project.id")
	f.alien = pick[string](t, data, "createProject.project.stages.0.id")
	return f
}

func (f *boardFixture) task(t *testing.T, who *account, stage, title string, pos any) string {
	t.Helper()
	in := map[string]any{"projectId": f.project, "stageId": stage, "title": title}
	if pos != nil {
		in["position"] = pos
	}
	return pick[string](t, who.mustDo(t, createTaskMut, map[string]any{"in": in}), "createTask.task.id")
}

func TestBoardMovesFollowAModel(t *testing.T) {
	f := newBoard(t)
	bob := f.c.bob
	stages := []string{f.todo, f.doing, f.done}
	model := map[string][]string{f.todo: {}, f.doing: {}, f.done: {}}
	r := rand.New(rand.NewPCG(7, 7))
	var all []string
	for i := range 12 {
		st := stages[r.IntN(3)]
		pos := r.IntN(len(model[st]) + 1)
		id := f.task(t, bob, st, fmt.Sprintf("Task %d", i), pos)
		model[st] = slices.Insert(model[st], pos, id)
		all = append(all, id)
	}
	for i := range 80 {
		id := all[r.IntN(len(all))]
		var from string
		for st, ids := range model {
			if slices.Contains(ids, id) {
				from = st
			}
		}
		to := stages[r.IntN(3)]
		model[from] = slices.DeleteFunc(model[from], func(x string) bool { return x == id })
		pos := r.IntN(len(model[to]) + 2) // sometimes past the end: last
		if i%10 == 0 {
			pos = 0 // again and again at the top: keys grow, then a rebalance
		}
		bob.mustDo(t, moveTaskMut, map[string]any{"id": id, "s": to, "p": pos})
		model[to] = slices.Insert(model[to], min(pos, len(model[to])), id)
	}
	cols, order := readBoard(t, f.c.guest, f.project) // guests read
	if !slices.Equal(order, stages) {
		t.Fatalf("stage order %v", order)
	}
	for _, st := range stages {
		if !slices.Equal(cols[st], model[st]) {
			t.Errorf("stage %s: board %v, model %v", st, cols[st], model[st])
		}
	}

	// Bad moves.
	id := all[0]
	bob.expectErr(t, "BAD_USER_INPUT", "stageId", moveTaskMut, map[string]any{"id": id, "s": pick[string](t, bob.mustDo(t, `query($id: ID!) { node(id: $id) { ... on Project { stages { id } } } }`, map[string]any{"id": f.other}), "node.stages.0.id"), "p": 0})
	bob.expectErr(t, "BAD_USER_INPUT", "stageId", moveTaskMut, map[string]any{"id": id, "s": f.alien, "p": 0})
	bob.expectErr(t, "BAD_USER_INPUT", "position", moveTaskMut, map[string]any{"id": id, "s": f.todo, "p": -1})
	f.c.guest.expectErr(t, "FORBIDDEN", "", moveTaskMut, map[string]any{"id": id, "s": f.todo, "p": 0})
	f.outsider.expectErr(t, "NOT_FOUND", "", moveTaskMut, map[string]any{"id": id, "s": f.alien, "p": 0})
	f.outsider.expectErr(t, "NOT_FOUND", "", boardQuery, map[string]any{"id": f.project})

	// Stages: moved, and deleted only with somewhere for their tasks.
	data := bob.mustDo(t, createStageMut, map[string]any{"in": map[string]any{"projectId": f.project, "name": "Review", "position": 1}})
	review := pick[string](t, data, "createTaskStage.stage.id")
	bob.mustDo(t, moveStageMut, map[string]any{"id": f.done, "p": 0})
	if _, order := readBoard(t, bob, f.project); !slices.Equal(order, []string{f.done, f.todo, review, f.doing}) {
		t.Errorf("stages after the moves: %v", order)
	}
	if len(model[f.doing]) == 0 {
		bob.mustDo(t, moveTaskMut, map[string]any{"id": id, "s": f.doing, "p": 0})
		model[f.todo] = slices.DeleteFunc(model[f.todo], func(x string) bool { return x == id })
		model[f.done] = slices.DeleteFunc(model[f.done], func(x string) bool { return x == id })
		model[f.doing] = []string{id}
	}
	bob.expectErr(t, "BAD_USER_INPUT", "moveTasksTo", deleteStageMut, map[string]any{"id": f.doing})
	bob.expectErr(t, "BAD_USER_INPUT", "moveTasksTo", deleteStageMut, map[string]any{"id": f.doing, "to": f.doing})
	bob.expectErr(t, "BAD_USER_INPUT", "moveTasksTo", deleteStageMut, map[string]any{"id": f.doing, "to": f.alien})
	bob.mustDo(t, deleteStageMut, map[string]any{"id": f.doing, "to": f.todo})
	cols, order = readBoard(t, bob, f.project)
	if want := append(slices.Clone(model[f.todo]), model[f.doing]...); !slices.Equal(cols[f.todo], want) || slices.Contains(order, f.doing) {
		t.Errorf("after deleting a stage: %v (stages %v), want %v", cols[f.todo], order, want)
	}
	bob.mustDo(t, deleteStageMut, map[string]any{"id": review}) // empty
}

func TestBoardTasksAndChat(t *testing.T) {
	f := newBoard(t)
	bob, guest := f.c.bob, f.c.guest
	f.c.guest.expectErr(t, "FORBIDDEN", "", createTaskMut, map[string]any{"in": map[string]any{"projectId": f.project, "stageId": f.todo, "title": "x"}})
	f.outsider.expectErr(t, "NOT_FOUND", "", createTaskMut, map[string]any{"in": map[string]any{"projectId": f.project, "stageId": f.todo, "title": "x"}})
	bob.expectErr(t, "BAD_USER_INPUT", "stageId", createTaskMut, map[string]any{"in": map[string]any{"projectId": f.project, "stageId": f.alien, "title": "x"}})
	bob.expectErr(t, "BAD_USER_INPUT", "title", createTaskMut, map[string]any{"in": map[string]any{"projectId": f.project, "stageId": f.todo, "title": " "}})
	id := f.task(t, bob, f.todo, "Printer on fire", nil)
	data := bob.mustDo(t, updateTaskMut, map[string]any{"in": map[string]any{"id": id, "title": "Printer still on fire",
		"tags": []string{"hardware", "Hardware", "urgent"}, "priority": "high", "assigneeId": f.c.bob.id, "deadline": "2027-01-31T12:00:00Z"}})
	if pick[string](t, data, "updateTask.task.title") != "Printer still on fire" || !slices.Equal(pick[[]string](t, data, "updateTask.task.tags"), []string{"hardware", "urgent"}) ||
		pick[string](t, data, "updateTask.task.assignee.id") != f.c.bob.id || pick[string](t, data, "updateTask.task.priority") != "high" {
		t.Errorf("updated: %s", data)
	}
	bob.expectErr(t, "BAD_USER_INPUT", "assigneeId", updateTaskMut, map[string]any{"in": map[string]any{"id": id, "assigneeId": f.outsider.id}})
	bob.expectErr(t, "BAD_USER_INPUT", "tags", updateTaskMut, map[string]any{"in": map[string]any{"id": id, "tags": strings.Split(strings.Repeat("t,", 21), ",")}})
	data = bob.mustDo(t, updateTaskMut, map[string]any{"in": map[string]any{"id": id, "clearAssignee": true, "clearDeadline": true}})
	if !isNull(t, data, "updateTask.task.assignee") || !isNull(t, data, "updateTask.task.deadline") {
		t.Errorf("cleared: %s", data)
	}

	// The task's chat: none for a guest until a member reads it, then the
	// same thread for everyone, where agents answer as anywhere.
	if !isNull(t, guest.mustDo(t, taskThreadQuery, map[string]any{"id": id}), "node.thread") {
		t.Error("a guest's read made a thread")
	}
	th := pick[string](t, bob.mustDo(t, taskThreadQuery, map[string]any{"id": id}), "node.thread.id")
	if again := pick[string](t, guest.mustDo(t, taskThreadQuery, map[string]any{"id": id}), "node.thread.id"); again != th {
		t.Errorf("the thread changed: %s then %s", th, again)
	}
	s := send(t, bob, th, "@helper about the printer")
	if m := waitEnd(t, bob, s.replies[0].ID, 10*time.Second); m.Status != "complete" {
		t.Errorf("answer in the task's chat: %+v", m)
	}
	// Deleting the task deletes its chat.
	bob.mustDo(t, deleteTaskMut, map[string]any{"id": id})
	bob.expectErr(t, "NOT_FOUND", "", messageQuery, map[string]any{"id": s.id})
}

// boardEvent is one projectBoard event.
type boardEvent struct {
	Change    string  `json:"change"`
	DeletedID *string `json:"deletedId"`
	Task      *struct {
		ID      string `json:"id"`
		StageID string `json:"stageID"`
		Rank    string `json:"rank"`
		Title   string `json:"title"`
	} `json:"task"`
}

func nextBoardEvent(t *testing.T, w *wsClient, d time.Duration) boardEvent {
	t.Helper()
	m := w.recv(t, d)
	var p struct {
		Data struct {
			ProjectBoard *boardEvent `json:"projectBoard"`
		} `json:"data"`
		Errors []gqlErr `json:"errors"`
	}
	if m.Type != "next" || json.Unmarshal(m.Payload, &p) != nil || len(p.Errors) > 0 || p.Data.ProjectBoard == nil {
		t.Fatalf("%s: got %v, want a board event", w.name, m)
	}
	return *p.Data.ProjectBoard
}

func TestBoardConcurrentMovesConverge(t *testing.T) {
	f := newBoard(t)
	c := f.c
	// A second member, and both watching.
	eve := register(t, c.srv.URL, "eve@example.com", "Eve")
	join(t, c.owner, eve, c.ws, "user")
	watchers := map[string]*wsClient{}
	for name, who := range map[string]*account{"bob": c.bob, "eve": eve, "guest": c.guest} {
		w := mustDialWS(t, c.srv.URL, name, wsDial{token: who.sessionCookie(t)}, nil)
		w.subscribe(t, "b", projectBoardSub, map[string]any{"p": f.project})
		watchers[name] = w
	}
	// Live once a task made now shows to all three.
	for _, w := range watchers {
		w.waitLiveBoard(t, func(i int) { f.task(t, c.bob, f.done, fmt.Sprintf("warm-up %s %d", w.name, i), nil) })
	}
	var ids []string
	for i := range 6 {
		ids = append(ids, f.task(t, c.bob, f.todo, fmt.Sprintf("T%d", i), nil))
	}
	// Bob and Eve move the same tasks at the same time, many times.
	var wg sync.WaitGroup
	for k, who := range []*account{c.bob, eve} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(uint64(k), 3))
			for range 25 {
				to := []string{f.todo, f.doing}[r.IntN(2)]
				data, errs := who.do(t, moveTaskMut, map[string]any{"id": ids[r.IntN(len(ids))], "s": to, "p": r.IntN(4)})
				if len(errs) > 0 {
					t.Errorf("a concurrent move: %s %v", data, errs)
					return
				}
			}
		}()
	}
	wg.Wait()
	// Everyone's board, rebuilt from the events alone, is the stored board.
	cols, _ := readBoard(t, c.bob, f.project)
	for name, w := range watchers {
		place := map[string]struct{ stage, rank string }{}
		deadline := time.Now().Add(10 * time.Second)
		for {
			m, ok, timedOut := w.tryRecv(time.Until(deadline))
			if timedOut || !ok {
				break
			}
			var p struct {
				Data struct{ ProjectBoard *boardEvent } `json:"data"`
			}
			if json.Unmarshal(m.Payload, &p) != nil || p.Data.ProjectBoard == nil {
				t.Fatalf("%s: %v", name, m)
			}
			if e := p.Data.ProjectBoard; e.Change == "TASK_CHANGED" && e.Task != nil {
				place[e.Task.ID] = struct{ stage, rank string }{e.Task.StageID, e.Task.Rank}
			}
			if len(place) >= len(ids) && matches(place, cols, ids) {
				break
			}
		}
		if !matches(place, cols, ids) {
			t.Errorf("%s's board from events differs from the stored one %v: %v", name, cols, place)
		}
	}
	// Another workspace's board does not exist.
	w := mustDialWS(t, c.srv.URL, "outsider", wsDial{token: f.outsider.sessionCookie(t)}, nil)
	w.subscribe(t, "x", projectBoardSub, map[string]any{"p": f.project})
	if errs := opErrors(w.recv(t, 5*time.Second)); len(errs) == 0 || errs[0].Extensions.Code != "NOT_FOUND" {
		t.Errorf("outsider's subscription: %v", errs)
	}
}

// matches reports whether the places of ids (their stage and rank, from
// events) give the stored columns.
func matches(place map[string]struct{ stage, rank string }, cols map[string][]string, ids []string) bool {
	for st, col := range cols {
		var mine []string
		for _, id := range ids {
			if p, ok := place[id]; ok && p.stage == st {
				mine = append(mine, id)
			}
		}
		slices.SortStableFunc(mine, func(a, b string) int { return strings.Compare(place[a].rank, place[b].rank) })
		var stored []string
		for _, id := range col {
			if slices.Contains(ids, id) {
				stored = append(stored, id)
			}
		}
		if !slices.Equal(mine, stored) {
			return false
		}
	}
	return true
}

// waitLiveBoard triggers board changes until one shows, then drains.
func (w *wsClient) waitLiveBoard(t *testing.T, trigger func(i int)) {
	t.Helper()
	for i := range 20 {
		trigger(i)
		if _, ok, timedOut := w.tryRecv(2 * time.Second); timedOut {
			continue
		} else if !ok {
			t.Fatalf("%s: connection ended: %v", w.name, w.err)
		}
		for {
			if _, ok, timedOut := w.tryRecv(250 * time.Millisecond); timedOut || !ok {
				return
			}
		}
	}
	t.Fatalf("%s: the board stream showed nothing", w.name)
}
