// Settings, OAuth clients: the applications the viewer registered (platform
// admins see all), a form to register one, and per client a new secret
// (confidential clients) or deletion. A secret is shown once, when it is
// made: the server keeps only its hash.
import { useId, useState, type FormEvent } from "react";
import { Trans, useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../gql";
import type { SettingsOAuthClientsQuery } from "../../gql/graphql";
import { CopyLink } from "../../components/CopyLink";
import { Button, ConfirmDialog, EmptyState, ErrorMessage, Field, Loading, RelativeTime } from "../../components/ui";
import { appErrors, sentence } from "../../lib/errors";
import { useCreateOnce } from "../../lib/createOnce";

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

/**
 * The scopes a client may be allowed, with the key of what each lets it do
 * (oauth.json scopeHints: a key cannot hold the scope's colon, which
 * i18next reads as a namespace).
 */
export const oauthScopes = [
  { name: "read", hint: "read" },
  { name: "write", hint: "write" },
  { name: "workspace:read", hint: "workspaceRead" },
  { name: "smarthome:read", hint: "smarthomeRead" },
  { name: "smarthome:tunnel", hint: "smarthomeTunnel" },
  { name: "security-access:read", hint: "securityAccessRead" },
  { name: "security-access:tunnel", hint: "securityAccessTunnel" },
] as const;

/** A client just registered; its secret is null for a public one, and when the server answered a repeated request. */
type Created = { name: string; clientId: string; public: boolean; secret: string | null };

/** A secret shown once: copy it now. */
function OneTimeSecret({ secret, clientName, onDone }: { secret: string; clientName: string; onDone: () => void }) {
  const { t } = useTranslation("oauth");
  return (
    <div className="stack oauth-secret" role="group" aria-label={t("secret.label", { name: clientName })}>
      <p className="alert alert-warning">{t("secret.warning")}</p>
      <CopyLink link={secret} label={t("secret.field")} buttonLabel={t("secret.copy")} what="secret" />
      <div className="row">
        <Button size="sm" onClick={onDone}>
          {t("secret.done")}
        </Button>
      </div>
    </div>
  );
}

export function OAuthClients() {
  const { t } = useTranslation(["oauth", "common"]);
  const headingId = useId();
  const [{ data, fetching, error }] = useQuery({ query: SettingsOAuthClientsDocument, requestPolicy: "cache-and-network" });
  const clients = (data?.oauthClients?.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<Created | null>(null);
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
        <h2 id={headingId}>{t("clients.title")}</h2>
        {!creating && (
          <Button
            size="sm"
            onClick={() => {
              setCreated(null);
              setCreating(true);
            }}
          >
            {t("clients.register")}
          </Button>
        )}
      </div>
      <p className="muted">{t("clients.intro")}</p>
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
            <Trans
              t={t}
              i18nKey="clients.registered"
              values={{ name: created.name, clientId: created.clientId }}
              components={{ id: <code className="break" /> }}
            />
          </p>
          {created.secret ? (
            <OneTimeSecret secret={created.secret} clientName={created.name} onDone={() => setCreated(null)} />
          ) : created.public ? (
            <p className="muted">{t("clients.noSecret")}</p>
          ) : (
            // The same idempotency key again: the server answers with the client, its secret shown once before.
            <p className="muted">{t("clients.secretShownBefore")}</p>
          )}
        </div>
      )}
      {fetching && !data ? (
        <Loading label={t("clients.loading")} />
      ) : error && !data ? (
        <ErrorMessage error={error} />
      ) : clients.length === 0 ? (
        <EmptyState
          title={t("clients.emptyTitle")}
          action={!creating ? <Button onClick={() => setCreating(true)}>{t("clients.register")}</Button> : undefined}
        >
          {t("clients.empty")}
        </EmptyState>
      ) : (
        <ul className="oauth-list" aria-label={t("clients.title")}>
          {clients.map((c) => (
            <li key={c.id} className="oauth-item oauth-client">
              <div className="oauth-item-main">
                <strong className="break">{c.name}</strong>
                <span className="muted oauth-meta">
                  <Trans
                    t={t}
                    i18nKey="clients.meta"
                    values={{ clientId: c.clientId, kind: c.public ? t("clients.public") : t("clients.confidential") }}
                    components={{ id: <code className="break" />, when: <RelativeTime value={c.createdAt} /> }}
                  />
                </span>
                {c.redirectUris.length > 0 && (
                  <ul className="oauth-uris" aria-label={t("clients.redirectUrisOf", { name: c.name })}>
                    {c.redirectUris.map((u) => (
                      <li key={u} className="break">
                        {u}
                      </li>
                    ))}
                  </ul>
                )}
                <span className="oauth-tags" aria-label={t("clients.scopes")}>
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
                  <Button size="sm" aria-label={t("clients.rotateLabel", { name: c.name })} onClick={() => setRotating(c)}>
                    {t("clients.rotate")}
                  </Button>
                )}
                <Button size="sm" variant="danger" aria-label={t("clients.deleteLabel", { name: c.name })} onClick={() => setDeleting(c)}>
                  {t("common:actions.delete")}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={rotating !== null}
        title={t("clients.rotateTitle", { name: rotating?.name ?? "" })}
        confirmLabel={t("clients.rotate")}
        danger
        busy={rotation.fetching}
        error={rotation.error}
        onConfirm={confirmRotate}
        onClose={() => setRotating(null)}
      >
        <p>{t("clients.rotateBody")}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={deleting !== null}
        title={t("clients.deleteTitle", { name: deleting?.name ?? "" })}
        confirmLabel={t("clients.deleteConfirm")}
        danger
        busy={deletion.fetching}
        error={deletion.error}
        onConfirm={confirmDelete}
        onClose={() => setDeleting(null)}
      >
        <p>{t("clients.deleteBody")}</p>
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
  onCreated: (c: Created) => void;
}) {
  const { t } = useTranslation(["oauth", "common"]);
  const [res, create] = useMutation(CreateOAuthClientDocument);
  const once = useCreateOnce();
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
    if (!name.trim()) check.name = t("form.enterName");
    if (scopes.length === 0) check.scopes = t("form.chooseScope");
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
    await once(async (idempotencyKey) => {
      const r = await create({ input: { name: name.trim(), redirectUris, scopes, public: isPublic, idempotencyKey } });
      const out = r.data?.createOAuthClient;
      if (out) onCreated({ name: out.client.name, clientId: out.client.clientId, public: out.client.public, secret: out.clientSecret ?? null });
      return !!out;
    });
  };

  return (
    <form className="stack oauth-create" onSubmit={submit} noValidate aria-label={t("form.label")}>
      {formMessage && <ErrorMessage message={formMessage} />}
      <Field label={t("form.name")} error={errors.name} hint={t("form.nameHint")}>
        {(p) => <input {...p} className="input" name="name" autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field label={t("form.redirectUris")} error={errors.redirectUris} hint={t("form.redirectUrisHint")}>
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
        <legend id={legendId}>{t("form.scopes")}</legend>
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
              <code>{s.name}</code> <span className="muted">{t(`scopeHints.${s.hint}`)}</span>
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
          {t("form.publicClient")} <span className="muted">{t("form.publicHint")}</span>
        </span>
      </label>
      <div className="row">
        <Button type="submit" variant="primary" busy={res.fetching}>
          {res.fetching ? t("form.submitting") : t("form.submit")}
        </Button>
        <Button onClick={onCancel} disabled={res.fetching}>
          {t("common:actions.cancel")}
        </Button>
      </div>
    </form>
  );
}
