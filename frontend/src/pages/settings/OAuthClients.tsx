// Settings, OAuth clients: the applications the viewer registered (platform
// admins see all), a form to register one, and per client a new secret
// (confidential clients) or deletion. A secret is shown once, when it is
// made: the server keeps only its hash.
import { useId, useState, type FormEvent } from "react";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../gql";
import type { SettingsOAuthClientsQuery } from "../../gql/graphql";
import { CopyLink } from "../../components/CopyLink";
import { Button, ConfirmDialog, EmptyState, ErrorMessage, Field, Loading, RelativeTime } from "../../components/ui";
import { appErrors, sentence } from "../../lib/errors";

export const SettingsOAuthClientsDocument = graphql(`
  query SettingsOAuthClients {
    oauthClients(first: 100) {
      edges {
        node {
          id
          clientId
          name
          public
          redirectUris
          allowedScopes
          createdAt
        }
      }
    }
  }
`);

export const CreateOAuthClientDocument = graphql(`
  mutation CreateOAuthClient($input: CreateOAuthClientInput!) {
    createOAuthClient(input: $input) {
      client {
        id
        clientId
        name
        public
        redirectUris
        allowedScopes
        createdAt
      }
      clientSecret
    }
  }
`);

export const RotateOAuthClientSecretDocument = graphql(`
  mutation RotateOAuthClientSecret($input: RotateOAuthClientSecretInput!) {
    rotateOAuthClientSecret(input: $input) {
      client {
        id
      }
      clientSecret
    }
  }
`);

export const DeleteOAuthClientDocument = graphql(`
  mutation DeleteOAuthClient($input: DeleteOAuthClientInput!) {
    deleteOAuthClient(input: $input) {
      deletedId
    }
  }
`);

type Client = NonNullable<NonNullable<NonNullable<SettingsOAuthClientsQuery["oauthClients"]["edges"]>[number]>["node"]>;

/** The scopes a client may be allowed, with what each lets it do. */
export const oauthScopes: { name: string; hint: string }[] = [
  { name: "read", hint: "Read what your account can see" },
  { name: "write", hint: "Make changes as you" },
  { name: "workspace:read", hint: "List your workspaces (Home Assistant)" },
  { name: "smarthome:read", hint: "See your smart homes and their status" },
  { name: "smarthome:tunnel", hint: "Get a smart home's tunnel token" },
  { name: "security-access:read", hint: "Security access: read" },
  { name: "security-access:tunnel", hint: "Security access: tunnel" },
];

/** A secret shown once: copy it now. */
function OneTimeSecret({ secret, clientName, onDone }: { secret: string; clientName: string; onDone: () => void }) {
  return (
    <div className="stack oauth-secret" role="group" aria-label={`Client secret of ${clientName}`}>
      <p className="alert alert-warning">Copy this secret now: it will not be shown again. If you lose it, rotate the secret to get a new one.</p>
      <CopyLink link={secret} label="Client secret" buttonLabel="Copy secret" what="secret" />
      <div className="row">
        <Button size="sm" onClick={onDone}>
          I have copied it
        </Button>
      </div>
    </div>
  );
}

export function OAuthClients() {
  const headingId = useId();
  const [{ data, fetching, error }] = useQuery({ query: SettingsOAuthClientsDocument, requestPolicy: "cache-and-network" });
  const clients = (data?.oauthClients?.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ name: string; clientId: string; secret: string | null } | null>(null);
  /** The new secret of a client, by its id, until the user says it is copied. */
  const [secrets, setSecrets] = useState<Record<string, string>>({});
  const [rotating, setRotating] = useState<Client | null>(null);
  const [deleting, setDeleting] = useState<Client | null>(null);
  const [rotation, rotate] = useMutation(RotateOAuthClientSecretDocument);
  const [deletion, remove] = useMutation(DeleteOAuthClientDocument);

  const confirmRotate = async () => {
    if (!rotating) return;
    const r = await rotate({ input: { id: rotating.id } });
    const secret = r.data?.rotateOAuthClientSecret.clientSecret;
    if (secret) {
      setSecrets((s) => ({ ...s, [rotating.id]: secret }));
      setRotating(null);
    }
  };
  const confirmDelete = async () => {
    if (!deleting) return;
    const r = await remove({ input: { id: deleting.id } });
    if (r.data?.deleteOAuthClient) {
      if (created?.clientId === deleting.clientId) setCreated(null);
      setDeleting(null);
    }
  };

  return (
    <section className="card" aria-labelledby={headingId}>
      <div className="oauth-section-head">
        <h2 id={headingId}>OAuth clients</h2>
        {!creating && (
          <Button
            size="sm"
            onClick={() => {
              setCreated(null);
              setCreating(true);
            }}
          >
            Register a client
          </Button>
        )}
      </div>
      <p className="muted">Applications you build that sign people in with their Woow account.</p>
      {creating && (
        <CreateClientForm
          onCancel={() => setCreating(false)}
          onCreated={(c) => {
            setCreating(false);
            setCreated(c);
          }}
        />
      )}
      {created && (
        <div className="stack oauth-created" role="status">
          <p className="alert alert-success">
            Registered {created.name}. Its client ID is <code className="break">{created.clientId}</code>.
          </p>
          {created.secret ? (
            <OneTimeSecret secret={created.secret} clientName={created.name} onDone={() => setCreated(null)} />
          ) : (
            <p className="muted">A public client has no secret: it signs in with PKCE (S256).</p>
          )}
        </div>
      )}
      {fetching && !data ? (
        <Loading label="Loading OAuth clients…" />
      ) : error && !data ? (
        <ErrorMessage error={error} />
      ) : clients.length === 0 ? (
        <EmptyState title="No OAuth clients" action={!creating ? <Button onClick={() => setCreating(true)}>Register a client</Button> : undefined}>
          Register a client to let your own application ask people for access to their account.
        </EmptyState>
      ) : (
        <ul className="oauth-list" aria-label="OAuth clients">
          {clients.map((c) => (
            <li key={c.id} className="oauth-item oauth-client">
              <div className="oauth-item-main">
                <strong className="break">{c.name}</strong>
                <span className="muted oauth-meta">
                  <code className="break">{c.clientId}</code> · {c.public ? "public (PKCE, no secret)" : "confidential"} · registered{" "}
                  <RelativeTime value={c.createdAt} />
                </span>
                {c.redirectUris.length > 0 && (
                  <ul className="oauth-uris" aria-label={`Redirect URIs of ${c.name}`}>
                    {c.redirectUris.map((u) => (
                      <li key={u} className="break">
                        {u}
                      </li>
                    ))}
                  </ul>
                )}
                <span className="oauth-tags" aria-label="Scopes">
                  {c.allowedScopes.map((s) => (
                    <code key={s} className="badge">
                      {s}
                    </code>
                  ))}
                </span>
                {secrets[c.id] && (
                  <OneTimeSecret
                    secret={secrets[c.id]}
                    clientName={c.name}
                    onDone={() =>
                      setSecrets((s) => {
                        const { [c.id]: _gone, ...rest } = s;
                        return rest;
                      })
                    }
                  />
                )}
              </div>
              <div className="oauth-item-actions">
                {!c.public && (
                  <Button size="sm" aria-label={`Rotate the secret of ${c.name}`} onClick={() => setRotating(c)}>
                    Rotate secret
                  </Button>
                )}
                <Button size="sm" variant="danger" aria-label={`Delete ${c.name}`} onClick={() => setDeleting(c)}>
                  Delete
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={rotating !== null}
        title={`Rotate the secret of ${rotating?.name ?? ""}?`}
        confirmLabel="Rotate secret"
        danger
        busy={rotation.fetching}
        error={rotation.error}
        onConfirm={confirmRotate}
        onClose={() => setRotating(null)}
      >
        <p>The current secret stops working at once. You get the new one here, once.</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete ${deleting?.name ?? ""}?`}
        confirmLabel="Delete client"
        danger
        busy={deletion.fetching}
        error={deletion.error}
        onConfirm={confirmDelete}
        onClose={() => setDeleting(null)}
      >
        <p>Everyone who allowed it is signed out of it: every token it holds stops working. This cannot be undone.</p>
      </ConfirmDialog>
    </section>
  );
}

type Errors = { name?: string; redirectUris?: string; scopes?: string; public?: string };

/** Server field errors at their field ("redirectUris.1" belongs to the redirect URIs); the rest for the form. */
function splitErrors(err: Parameters<typeof appErrors>[0]): { fields: Errors; form?: string } {
  const fields: Errors = {};
  let form: string | undefined;
  for (const e of appErrors(err)) {
    const key = e.code === "BAD_USER_INPUT" && e.field ? (e.field.split(".")[0] as keyof Errors) : undefined;
    if (key && ["name", "redirectUris", "scopes", "public"].includes(key)) fields[key] ??= sentence(e.message);
    else form ??= sentence(e.message);
  }
  return { fields, form };
}

function CreateClientForm({
  onCancel,
  onCreated,
}: {
  onCancel: () => void;
  onCreated: (c: { name: string; clientId: string; secret: string | null }) => void;
}) {
  const [res, create] = useMutation(CreateOAuthClientDocument);
  const [name, setName] = useState("");
  const [uris, setUris] = useState("");
  const [scopes, setScopes] = useState<string[]>([]);
  const [isPublic, setPublic] = useState(false);
  const [local, setLocal] = useState<Errors>({});
  const [submitted, setSubmitted] = useState(false);
  const legendId = useId();
  const scopesErrId = useId();

  const server = submitted ? splitErrors(res.error) : { fields: {} as Errors };
  const errors: Errors = {
    name: local.name ?? server.fields.name,
    redirectUris: local.redirectUris ?? server.fields.redirectUris,
    scopes: local.scopes ?? server.fields.scopes,
  };
  const formMessage = submitted ? [server.form, server.fields.public].filter(Boolean).join(" ") || undefined : undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const check: Errors = {};
    if (!name.trim()) check.name = "Enter a name people will recognise";
    if (scopes.length === 0) check.scopes = "Choose at least one scope";
    setLocal(check);
    if (Object.keys(check).length > 0) {
      setSubmitted(false);
      return;
    }
    setSubmitted(true);
    const redirectUris = uris
      .split("\n")
      .map((u) => u.trim())
      .filter(Boolean);
    const r = await create({ input: { name: name.trim(), redirectUris, scopes, public: isPublic } });
    const out = r.data?.createOAuthClient;
    if (out) onCreated({ name: out.client.name, clientId: out.client.clientId, secret: out.clientSecret ?? null });
  };

  return (
    <form className="stack oauth-create" onSubmit={submit} noValidate aria-label="Register an OAuth client">
      {formMessage && <ErrorMessage message={formMessage} />}
      <Field label="Name" error={errors.name} hint="Shown to people on the consent page.">
        {(p) => <input {...p} className="input" name="name" autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field
        label="Redirect URIs"
        error={errors.redirectUris}
        hint="One per line, exactly as your app sends them: https, or http on 127.0.0.1 or localhost."
      >
        {(p) => (
          <textarea
            {...p}
            className="input"
            name="redirectUris"
            rows={3}
            spellCheck={false}
            value={uris}
            onChange={(e) => setUris(e.target.value)}
          />
        )}
      </Field>
      <fieldset className="oauth-scope-choice" aria-describedby={errors.scopes ? scopesErrId : undefined} aria-invalid={errors.scopes ? true : undefined}>
        <legend id={legendId}>Scopes</legend>
        {oauthScopes.map((s) => (
          <label key={s.name} className="oauth-scope-option">
            <input
              type="checkbox"
              name="scopes"
              value={s.name}
              checked={scopes.includes(s.name)}
              onChange={(e) => setScopes((cur) => (e.target.checked ? [...cur, s.name] : cur.filter((x) => x !== s.name)))}
            />
            <span>
              <code>{s.name}</code> <span className="muted">{s.hint}</span>
            </span>
          </label>
        ))}
        {errors.scopes && (
          <span className="error" id={scopesErrId}>
            {errors.scopes}
          </span>
        )}
      </fieldset>
      <label className="oauth-scope-option">
        <input type="checkbox" name="public" checked={isPublic} onChange={(e) => setPublic(e.target.checked)} />
        <span>
          Public client <span className="muted">A native or browser app that cannot keep a secret: no secret, PKCE (S256) required.</span>
        </span>
      </label>
      <div className="row">
        <Button type="submit" variant="primary" busy={res.fetching}>
          {res.fetching ? "Registering…" : "Register client"}
        </Button>
        <Button onClick={onCancel} disabled={res.fetching}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
