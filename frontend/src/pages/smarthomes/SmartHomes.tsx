// The "Smart homes" section of a workspace page: its Home Assistant
// installations reached through Cloudflare Tunnels, with live states (the
// smartHomeStatus subscription), and the form that adds one for those who
// may (workspace admins and owners).
import { useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { useMutation, useQuery, useSubscription } from "urql";
import { graphql } from "../../gql";
import type { SmartHomeFieldsFragment, WorkspaceState } from "../../gql/graphql";
import { Button, EmptyState, ErrorMessage, Field, Loading } from "../../components/ui";
import { appError, fieldErrors, formError } from "../../lib/errors";
import { SmartHomeStateBadge, TunnelStatusBadge } from "./parts";
import { useCreateOnce } from "../../lib/createOnce";
import { i18n } from "../../i18n";

export const WorkspaceSmartHomesDocument = graphql(`
  query WorkspaceSmartHomes($slug: String!) {
    workspace(slug: $slug) {
      id
      smartHomes(first: 100, where: { stateNEQ: gone }, orderBy: { field: NAME, direction: ASC }) {
        totalCount
        edges {
          node {
            ...SmartHomeFields
          }
        }
      }
    }
  }
`);

/** Each change of a home of the workspace, with the fields the pages show (never the token). */
export const SmartHomeStatusSubscription = graphql(`
  subscription SmartHomeStatus($workspaceId: ID!, $after: Time) {
    smartHomeStatus(workspaceId: $workspaceId, after: $after) {
      ...SmartHomeFields
    }
  }
`);

export const CreateSmartHomeDocument = graphql(`
  mutation CreateSmartHome($input: CreateSmartHomeInput!) {
    createSmartHome(input: $input) {
      smartHome {
        ...SmartHomeFields
      }
    }
  }
`);

export const DEFAULT_HA_PORT = 8123;

export interface SmartHomeForm {
  name: string;
  haPort: string;
}

/** The form's own checks, in the server's words (smarthome.Create); the server checks again. */
export function validateSmartHome(f: SmartHomeForm): Record<string, string> {
  const t = i18n.getFixedT(null, "smarthomes");
  const out: Record<string, string> = {};
  const name = f.name.trim();
  if (!name || [...name].length > 100) out.name = t("validation.nameLength");
  // Control characters, and the bidirectional overrides that disguise a name.
  // eslint-disable-next-line no-control-regex
  else if (/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(name)) out.name = t("validation.nameControl");
  const port = f.haPort.trim();
  if (!/^\d+$/.test(port) || Number(port) < 1 || Number(port) > 65535) out.haPort = t("validation.port");
  return out;
}

/** The newest updatedAt of the homes read: the stream's `after`. */
export function newestUpdate(homes: readonly { updatedAt: string }[]): string | undefined {
  let best: string | undefined;
  for (const h of homes) if (!best || Date.parse(h.updatedAt) > Date.parse(best)) best = h.updatedAt;
  return best;
}

export function smartHomePath(slug: string, id: string): string {
  return `/workspaces/${encodeURIComponent(slug)}/smart-homes/${encodeURIComponent(id)}`;
}

interface WorkspaceRef {
  id: string;
  slug: string;
  state: WorkspaceState;
}

export function SmartHomes({ ws, canManage }: { ws: WorkspaceRef; canManage: boolean }) {
  const { t } = useTranslation("smarthomes");
  const [{ data, fetching, error }] = useQuery({ query: WorkspaceSmartHomesDocument, variables: { slug: ws.slug } });
  const [adding, setAdding] = useState(false);
  const homes = useMemo(
    () =>
      (data?.workspace?.smartHomes.edges ?? []).flatMap((e) => (e?.node && e.node.state !== "gone" ? [e.node] : [])),
    [data?.workspace?.smartHomes.edges],
  );
  const loaded = !!data?.workspace;

  return (
    <section aria-labelledby="ws-smart-homes" className="stack">
      <div className="row">
        <h2 id="ws-smart-homes" style={{ margin: 0 }}>
          {t("list.title")}
        </h2>
        <div className="spacer" />
        {canManage && !adding && (
          <Button size="sm" onClick={() => setAdding(true)}>
            {t("list.add")}
          </Button>
        )}
      </div>
      {loaded && ws.state === "active" && <LiveHomes workspaceId={ws.id} homes={homes} />}
      {adding && <AddSmartHome ws={ws} onClose={() => setAdding(false)} />}
      {!data && fetching ? (
        <Loading label={t("list.loading")} />
      ) : error && !loaded ? (
        <ErrorMessage error={error} />
      ) : homes.length === 0 ? (
        !adding && (
          <EmptyState title={t("list.emptyTitle")}>
            {canManage ? t("list.emptyCanManage") : t("list.emptyMember")}
          </EmptyState>
        )
      ) : (
        <ul className="grid ws-cards">
          {homes.map((h) => (
            <SmartHomeCard key={h.id} slug={ws.slug} h={h} />
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * The live stream, from the newest change already read (fixed when the list
 * first loads, so new events do not restart it): each event updates its home
 * in the cache; a home the list does not hold yet makes it load again
 * (smarthomes/cache.ts).
 */
function LiveHomes({ workspaceId, homes }: { workspaceId: string; homes: readonly { updatedAt: string }[] }) {
  const { t } = useTranslation("smarthomes");
  const [after] = useState(() => newestUpdate(homes));
  const [sub] = useSubscription({ query: SmartHomeStatusSubscription, variables: { workspaceId, after } });
  const e = appError(sub.error);
  if (!sub.error || e?.code === "UNAUTHENTICATED") return null;
  return (
    <p className="muted" role="status">
      {t("list.paused", { reason: e?.message })}
    </p>
  );
}

function SmartHomeCard({ slug, h }: { slug: string; h: SmartHomeFieldsFragment }) {
  return (
    <li className="card ws-card">
      <div className="ws-card-head">
        <h3>
          <Link to={smartHomePath(slug, h.id)}>{h.name}</Link>
        </h3>
        <span className="row" style={{ gap: "0.4rem" }}>
          <SmartHomeStateBadge state={h.state} />
          {h.state === "active" && <TunnelStatusBadge status={h.tunnelStatus} />}
        </span>
      </div>
      {h.state === "error" && h.errorMessage && <p className="ws-service-error" title={h.errorMessage}>{h.errorMessage}</p>}
      <p className="muted ws-meta" style={{ overflowWrap: "anywhere" }}>
        {h.subdomain}
      </p>
    </li>
  );
}

function AddSmartHome({ ws, onClose }: { ws: WorkspaceRef; onClose: () => void }) {
  const { t } = useTranslation(["smarthomes", "common"]);
  const navigate = useNavigate();
  const [form, setForm] = useState<SmartHomeForm>({ name: "", haPort: String(DEFAULT_HA_PORT) });
  const [checked, setChecked] = useState<Record<string, string>>({});
  const [{ fetching, error }, create] = useMutation(CreateSmartHomeDocument);
  const once = useCreateOnce();
  const server = fieldErrors(error);
  const fields = { ...server, ...checked };
  const other = formError(error, ["name", "haPort"]);

  const set = (key: keyof SmartHomeForm, value: string) => {
    setForm((f) => ({ ...f, [key]: value }));
    setChecked((c) => {
      const { [key]: _, ...rest } = c;
      return rest;
    });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems = validateSmartHome(form);
    setChecked(problems);
    if (Object.keys(problems).length) return;
    void once(async (idempotencyKey) => {
      const res = await create({
        input: { workspaceId: ws.id, name: form.name.trim(), haPort: Number(form.haPort.trim()), idempotencyKey },
      });
      const home = res.data?.createSmartHome.smartHome;
      if (!home) return false;
      navigate(smartHomePath(ws.slug, home.id));
      return true;
    });
  };

  return (
    <form className="card stack" onSubmit={submit} noValidate aria-label={t("form.label")}>
      <Field label={t("form.name")} required error={fields.name} hint={t("form.nameHint")}>
        {(p) => (
          <input
            {...p}
            className="input"
            value={form.name}
            maxLength={100}
            autoComplete="off"
            onChange={(e) => set("name", e.target.value)}
          />
        )}
      </Field>
      <Field
        label={t("form.port")}
        required
        error={fields.haPort}
        hint={t("form.portHint", { port: DEFAULT_HA_PORT })}
      >
        {(p) => (
          <input
            {...p}
            className="input"
            inputMode="numeric"
            value={form.haPort}
            onChange={(e) => set("haPort", e.target.value)}
          />
        )}
      </Field>
      <ErrorMessage message={other} />
      <div className="row">
        <Button type="submit" variant="primary" busy={fetching}>
          {fetching ? t("form.submitting") : t("form.submit")}
        </Button>
        <Button onClick={onClose} disabled={fetching}>
          {t("common:actions.cancel")}
        </Button>
      </div>
    </form>
  );
}
