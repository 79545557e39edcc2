// A project's Kanban board (/projects/:id): stages as columns, tasks as
// cards, drag and drop (@dnd-kit) and keyboard moves, live changes from
// other viewers (projectBoard), the task detail with its chat.
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { createRequest, useClient, useMutation, useQuery } from "urql";
import { pipe, subscribe } from "wonka";
import {
  DndContext,
  DragOverlay,
  PointerSensor,
  TouchSensor,
  closestCorners,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DragStartEvent,
} from "@dnd-kit/core";
import type { ProjectBoardQuery } from "../../gql/graphql";
import { ErrorMessage, Loading, PageHeader } from "../../components/ui";
import { i18n } from "../../i18n";
import { appError } from "../../lib/errors";
import { useVisitWorkspace } from "../workspaces/parts";
import {
  applyEvent,
  columns,
  dropTarget,
  initialBoard,
  keyboardTarget,
  moveAnnouncement,
  type BoardEventLike,
  type BoardState,
  type BoardTask,
  type Direction,
  type MoveTarget,
  type PendingMove,
} from "./board";
import { MoveTaskDocument, ProjectBoardDocument, ProjectBoardEventsDocument } from "./documents";
import { AddStage, StageColumn } from "./StageColumn";
import { TaskCardPreview } from "./TaskCard";
import { TaskDetail } from "./TaskDetail";
import "./board.css";

type ProjectNode = Extract<NonNullable<ProjectBoardQuery["node"]>, { __typename: "Project" }>;

export function Board() {
  const { id = "" } = useParams();
  const [{ data, fetching, error }] = useQuery({ query: ProjectBoardDocument, variables: { id } });
  const { t } = useTranslation("projects");
  const node = data?.node;
  const project = node?.__typename === "Project" ? node : null;
  useVisitWorkspace(project?.workspace);
  if (!data && fetching) return <Loading label={t("board.loading")} />;
  if (!project) return <ErrorMessage error={error} message={error ? undefined : t("board.notFound")} />;
  return <LoadedBoard key={project.id} project={project} />;
}

/** What the board's parts call to change it; each applies the server's answer as an event. */
export interface BoardActions {
  apply(e: BoardEventLike): void;
  move(task: BoardTask, target: MoveTarget): void;
  moveBy(task: BoardTask, dir: Direction): void;
  open(taskId: string): void;
}

function LoadedBoard({ project }: { project: ProjectNode }) {
  const { t } = useTranslation("projects");
  const [state, dispatch] = useReducer(applyEvent, project, (p): BoardState =>
    initialBoard({ id: p.id, name: p.name, description: p.description }, p.stages),
  );
  const live = useBoardEvents(project.id, dispatch);
  const [pending, setPending] = useState<(PendingMove & { seq: number })[]>([]);
  const [announcement, setAnnouncement] = useState("");
  const [focusId, setFocusId] = useState<string | null>(null);
  const [dragId, setDragId] = useState<string | null>(null);
  const [moveError, setMoveError] = useState<string | null>(null);
  const [params, setParams] = useSearchParams();
  const openTask = params.get("task");
  const seq = useRef(0);
  const [, moveTask] = useMutation(MoveTaskDocument);
  const cols = useMemo(() => columns(state, pending), [state, pending]);
  const canEdit = project.viewerCanEdit && !state.deleted;

  const move = useCallback(
    (task: BoardTask, target: MoveTarget) => {
      const mySeq = ++seq.current;
      setMoveError(null);
      setPending((p) => [...p.filter((x) => x.taskId !== task.id), { taskId: task.id, ...target, seq: mySeq }]);
      setAnnouncement(moveAnnouncement(task.title, cols, target));
      void moveTask({ input: { id: task.id, stageId: target.stageId, position: target.position } }).then((res) => {
        const moved = res.data?.moveTask.task;
        if (moved) dispatch({ change: "TASK_CHANGED", task: moved });
        else setMoveError(appError(res.error)?.message ?? t("board.moveFailed"));
        setPending((p) => p.filter((x) => x.seq !== mySeq));
      });
    },
    [cols, moveTask, t],
  );

  const actions: BoardActions = useMemo(
    () => ({
      apply: dispatch,
      move,
      moveBy(task, dir) {
        const target = keyboardTarget(cols, task.id, dir);
        if (!target) {
          setAnnouncement(t(`board.cannotMove.${dir}`, { title: task.title }));
          return;
        }
        setFocusId(task.id);
        move(task, target);
      },
      open(taskId) {
        setParams((p) => {
          const next = new URLSearchParams(p);
          next.set("task", taskId);
          return next;
        });
      },
    }),
    [cols, move, setParams, t],
  );

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 6 } }),
  );
  const onDragStart = (e: DragStartEvent) => setDragId(String(e.active.id));
  const onDragEnd = (e: DragEndEvent) => {
    setDragId(null);
    const taskId = String(e.active.id);
    const overId = e.over ? String(e.over.id) : null;
    if (!overId) return;
    const over = overId.startsWith("stage:") ? { stageId: overId.slice(6) } : { taskId: overId };
    const target = dropTarget(cols, taskId, over);
    const task = state.tasks.find((t) => t.id === taskId);
    if (target && task) move(task, target);
  };
  const dragged = dragId ? state.tasks.find((t) => t.id === dragId) : undefined;
  const detail = openTask ? state.tasks.find((t) => t.id === openTask) : undefined;
  const ws = project.workspace;

  return (
    <div className="stack" style={{ minWidth: 0 }}>
      <PageHeader
        title={state.project.name}
        description={
          <>
            <Link to={`/workspaces/${encodeURIComponent(ws.slug)}/projects`}>{ws.name}</Link>
            {project.service && (
              <>
                {" · "}
                <Trans
                  t={t}
                  i18nKey="board.supports"
                  values={{ name: project.service.name }}
                  components={{ service: <Link to={`/services/${encodeURIComponent(project.service.id)}`} /> }}
                />
              </>
            )}
            {state.project.description && <span style={{ display: "block", overflowWrap: "anywhere" }}>{state.project.description}</span>}
          </>
        }
      />
      {state.deleted && (
        <div className="alert alert-warning" role="alert">
          <Trans t={t} i18nKey="board.deleted" components={{ back: <Link to={`/workspaces/${encodeURIComponent(ws.slug)}/projects`} /> }} />
        </div>
      )}
      {!project.viewerCanEdit && (
        <p className="muted" role="note">
          {t("board.readOnly")}
        </p>
      )}
      {canEdit && (
        <p className="muted" style={{ margin: 0, fontSize: "0.88em" }}>
          {t("board.howToMove")}
        </p>
      )}
      {live && (
        <p className="muted" role="status">
          {t("board.paused", { reason: live })}
        </p>
      )}
      <ErrorMessage message={moveError ?? undefined} />
      <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
      <DndContext sensors={sensors} collisionDetection={closestCorners} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setDragId(null)}>
        <div className="board-scroll" role="region" aria-label={t("board.region")} tabIndex={-1}>
          <div className="board">
            {cols.map((col, i) => (
              <StageColumn
                key={col.stage.id}
                col={col}
                index={i}
                cols={cols}
                projectId={project.id}
                canEdit={canEdit}
                actions={actions}
                focusId={focusId}
              />
            ))}
            {canEdit && <AddStage projectId={project.id} actions={actions} />}
          </div>
        </div>
        <DragOverlay>{dragged ? <TaskCardPreview task={dragged} /> : null}</DragOverlay>
      </DndContext>
      {detail && (
        <TaskDetail
          key={detail.id}
          task={detail}
          workspaceId={ws.id}
          canEdit={canEdit}
          actions={actions}
          onClose={() =>
            setParams((p) => {
              const next = new URLSearchParams(p);
              next.delete("task");
              return next;
            })
          }
        />
      )}
    </div>
  );
}

/**
 * Follows projectBoard and dispatches each event as it comes (no event is
 * merged with another, as a render could). Returns why live updates stopped,
 * if they did.
 */
function useBoardEvents(projectId: string, dispatch: (e: BoardEventLike) => void): string | null {
  const client = useClient();
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    const sub = pipe(
      client.executeSubscription(createRequest(ProjectBoardEventsDocument, { projectId })),
      subscribe((res) => {
        if (res.data) dispatch(res.data.projectBoard);
        if (res.error) {
          const e = appError(res.error);
          if (e?.code !== "UNAUTHENTICATED") setProblem(e?.message ?? i18n.t("projects:board.connectionLost"));
        }
      }),
    );
    return () => sub.unsubscribe();
  }, [client, projectId, dispatch]);
  return problem;
}
