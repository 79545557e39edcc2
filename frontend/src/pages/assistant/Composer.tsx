// The message box of a thread: Enter sends, Shift+Enter starts a new line;
// typing @ at the start of a word opens a list of the agents whose handle
// (or name) starts with what follows, chosen with the arrow keys and Enter
// or Tab, or with the mouse; Escape closes it. A double submit sends once
// (useCreateOnce: one idempotency key until the send succeeds).
import { useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { Button, ErrorMessage } from "../../components/ui";
import { useCreateOnce } from "../../lib/createOnce";
import { choosesOption, filterAgents, insertMention, mentionAt, moveActive, type MentionAgent, type MentionQuery } from "./mention";

/** The longest message the server takes. */
export const MAX_MESSAGE = 32_000;

export interface ComposerProps {
  agents: readonly MentionAgent[];
  /** Sends; resolves true once the server stored the message. */
  onSend(content: string, idempotencyKey: string): Promise<boolean>;
  sending: boolean;
  error?: string;
  /** Who answers a message without a mention, for the hint. */
  defaultHandle?: string | null;
}

export function Composer({ agents, onSend, sending, error, defaultHandle }: ComposerProps) {
  const [text, setText] = useState("");
  const [mention, setMention] = useState<MentionQuery | null>(null);
  const [active, setActive] = useState(0);
  const [closedAt, setClosedAt] = useState<number | null>(null);
  const ref = useRef<HTMLTextAreaElement>(null);
  const caretAfter = useRef<number | null>(null);
  const once = useCreateOnce();
  const { t, i18n } = useTranslation("assistant");
  const id = useId();
  const listId = `${id}-agents`;
  const hintId = `${id}-hint`;

  const options = useMemo(() => (mention ? filterAgents(agents, mention.query) : []), [agents, mention]);
  const open = !!mention && options.length > 0 && closedAt !== mention.start;
  const activeIndex = Math.min(active, Math.max(options.length - 1, 0));

  /** Reads the mention at the caret after each change or caret move. */
  const track = (el: HTMLTextAreaElement) => {
    const m = el.selectionStart === el.selectionEnd ? mentionAt(el.value, el.selectionStart) : null;
    if (m?.start !== mention?.start || m?.query !== mention?.query) setActive(0);
    setMention(m);
    if (!m) setClosedAt(null);
  };

  const choose = (agent: MentionAgent) => {
    const el = ref.current;
    if (!el || !mention) return;
    const next = insertMention(el.value, mention, el.selectionStart, agent.handle);
    caretAfter.current = next.caret;
    setText(next.text);
    setMention(null);
  };

  // The caret goes after the chosen handle as soon as the text shows it,
  // before the next key press.
  useLayoutEffect(() => {
    const el = ref.current;
    if (el && caretAfter.current !== null) {
      el.focus();
      el.setSelectionRange(caretAfter.current, caretAfter.current);
      caretAfter.current = null;
    }
  }, [text]);

  const send = () => {
    const content = text.trim();
    if (!content || content.length > MAX_MESSAGE) return;
    void once(async (key) => {
      const ok = await onSend(content, key);
      if (ok) {
        setText("");
        setMention(null);
      }
      return ok;
    });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (open) {
      const next = moveActive(activeIndex, options.length, e.key);
      if (next !== null && (e.key === "ArrowDown" || e.key === "ArrowUp")) {
        e.preventDefault();
        setActive(next);
        return;
      }
      if (choosesOption(e.key) && !e.shiftKey) {
        e.preventDefault();
        choose(options[activeIndex]);
        return;
      }
      if (e.key === "Escape") {
        e.preventDefault();
        setClosedAt(mention.start);
        return;
      }
    }
    if (e.key === "Enter" && !e.shiftKey) {
      e.preventDefault();
      send();
    }
  };

  const optionId = (i: number) => `${id}-agent-${i}`;
  const tooLong = text.length > MAX_MESSAGE;

  return (
    <form
      className="chat-composer"
      aria-label={t("composer.form")}
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <label htmlFor={`${id}-text`} className="visually-hidden">
        {t("composer.message")}
      </label>
      <div className="chat-composer-box">
        {open && (
          <ul className="mention-list" id={listId} role="listbox" aria-label={t("composer.agents")}>
            {options.map((a, i) => (
              <li
                key={a.id}
                id={optionId(i)}
                role="option"
                aria-selected={i === activeIndex}
                className="mention-option"
                onMouseDown={(e) => {
                  // Keeps the focus in the text box.
                  e.preventDefault();
                  choose(a);
                }}
                onMouseEnter={() => setActive(i)}
              >
                <span className="mention-handle">@{a.handle}</span>{" "}
                <span className="muted truncate" title={a.displayName}>
                  {a.displayName}
                </span>
              </li>
            ))}
          </ul>
        )}
        <textarea
          ref={ref}
          id={`${id}-text`}
          className="input chat-textarea"
          rows={3}
          value={text}
          placeholder={t("composer.placeholder")}
          aria-describedby={hintId}
          aria-autocomplete="list"
          aria-controls={open ? listId : undefined}
          aria-activedescendant={open ? optionId(activeIndex) : undefined}
          aria-invalid={tooLong || undefined}
          onChange={(e) => {
            setText(e.target.value);
            track(e.target);
          }}
          onSelect={(e) => track(e.currentTarget)}
          onKeyDown={onKeyDown}
          onBlur={() => setMention(null)}
        />
      </div>
      <div className="row chat-composer-foot">
        <span className="hint muted" id={hintId}>
          {defaultHandle ? t("composer.hintDefault", { handle: defaultHandle }) : t("composer.hintMention")}
        </span>
        <div className="spacer" />
        <Button type="submit" variant="primary" busy={sending} disabled={!text.trim() || tooLong}>
          {sending ? t("composer.sending") : t("composer.send")}
        </Button>
      </div>
      {tooLong && <ErrorMessage message={t("composer.tooLong", { max: MAX_MESSAGE.toLocaleString(i18n.resolvedLanguage) })} />}
      <ErrorMessage message={error} />
    </form>
  );
}
