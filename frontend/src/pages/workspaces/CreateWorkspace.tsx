// The "new workspace" dialog: name and description, errors at their field;
// the new workspace becomes the current one and opens.
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useMutation } from "urql";
import { graphql } from "../../gql";
import { Button, ErrorMessage, Field } from "../../components/ui";
import { fieldErrors, formError } from "../../lib/errors";
import { useWorkspaces } from "../../lib/workspace";
import { useCreateOnce } from "../../lib/createOnce";

export const CreateWorkspaceDocument = graphql(`
  mutation WorkspaceListCreate($input: CreateWorkspaceInput!) {
    createWorkspace(input: $input) {
      workspace {
        id
        name
        slug
        description
        state
        viewerRole
      }
    }
  }
`);

export function CreateWorkspaceDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation(["workspaces", "common"]);
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [{ fetching, error }, create] = useMutation(CreateWorkspaceDocument);
  const [shownError, setShownError] = useState(false);
  const navigate = useNavigate();
  const { select } = useWorkspaces();
  const once = useCreateOnce();

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      setName("");
      setDescription("");
      setShownError(false);
      d.showModal?.();
    }
    if (!open && d.open) d.close();
  }, [open]);

  const err = shownError ? error : undefined;
  const fields = fieldErrors(err);
  const other = formError(err, ["name", "description"]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void once(async (idempotencyKey) => {
      const res = await create({ input: { name, description: description || undefined, idempotencyKey } });
      setShownError(true);
      const ws = res.data?.createWorkspace.workspace;
      if (!ws) return false;
      select(ws.slug);
      onClose();
      navigate(`/workspaces/${encodeURIComponent(ws.slug)}`);
      return true;
    });
  };

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} onClose={onClose} onCancel={onClose}>
      <form className="stack" onSubmit={submit} noValidate>
        <h2 id={titleId}>{t("form.newTitle")}</h2>
        <Field label={t("form.name")} required error={fields.name} hint={t("form.nameHint")}>
          {(p) => (
            <input
              {...p}
              className="input"
              value={name}
              maxLength={100}
              autoComplete="off"
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <Field label={t("form.description")} error={fields.description}>
          {(p) => (
            <textarea
              {...p}
              className="input"
              rows={3}
              value={description}
              maxLength={2000}
              onChange={(e) => setDescription(e.target.value)}
            />
          )}
        </Field>
        <ErrorMessage message={other} />
        <div className="row" style={{ justifyContent: "flex-end" }}>
          <Button onClick={onClose} disabled={fetching}>
            {t("common:actions.cancel")}
          </Button>
          <Button type="submit" variant="primary" busy={fetching}>
            {fetching ? t("common:actions.creating") : t("form.create")}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
