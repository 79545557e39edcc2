// The deploy log: one line per ServiceEvent, level as a coloured text label,
// kept scrolled to the newest line unless the reader scrolled up.
import { useLayoutEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { i18n } from "../../i18n";
import { Button } from "../../components/ui";
import { stateLabel } from "./rules";

export interface LogLine {
  id: string;
  createdAt: string;
  state: string;
  level: string;
  message: string;
}

const levelLabel = { info: "log.level.info", warning: "log.level.warning", error: "log.level.error" } as const;

function isLevel(level: string): level is keyof typeof levelLabel {
  return level in levelLabel;
}

function time(value: string): string {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const today = new Date();
  const sameDay = d.toDateString() === today.toDateString();
  const locale = i18n.resolvedLanguage;
  return sameDay
    ? d.toLocaleTimeString(locale, { hour: "2-digit", minute: "2-digit", second: "2-digit" })
    : d.toLocaleString(locale, { dateStyle: "short", timeStyle: "medium" });
}

export function LogView({ lines, compact }: { lines: LogLine[]; compact?: boolean }) {
  const { t } = useTranslation("services");
  const box = useRef<HTMLDivElement>(null);
  // Whether the reader is at the bottom: new lines scroll into view only then.
  const pinned = useRef(true);
  const [unseen, setUnseen] = useState(false);
  const count = lines.length;

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    if (pinned.current) el.scrollTop = el.scrollHeight;
    else setUnseen(true);
  }, [count]);

  const onScroll = () => {
    const el = box.current;
    if (!el) return;
    pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
    if (pinned.current) setUnseen(false);
  };

  const toBottom = () => {
    const el = box.current;
    if (!el) return;
    el.scrollTop = el.scrollHeight;
    pinned.current = true;
    setUnseen(false);
  };

  if (count === 0) {
    return <p className="muted">{t("log.empty")}</p>;
  }
  return (
    <div className="stack" style={{ gap: "0.5rem" }}>
      <div
        ref={box}
        role="log"
        aria-live="polite"
        aria-label={t("log.title")}
        className={compact ? "log svc-log svc-log-compact" : "log svc-log"}
        tabIndex={0}
        onScroll={onScroll}
      >
        <ol className="svc-log-lines">
          {lines.map((l) => (
            <li key={l.id} className={`svc-log-line svc-log-${l.level}`}>
              <time dateTime={l.createdAt} title={new Date(l.createdAt).toLocaleString(i18n.resolvedLanguage)} className="svc-log-time">
                {time(l.createdAt)}
              </time>{" "}
              <span className="svc-log-level">{isLevel(l.level) ? t(levelLabel[l.level]) : l.level.toUpperCase()}</span>{" "}
              <span className="svc-log-state">[{stateLabel(l.state).toLowerCase()}]</span>{" "}
              <span className="svc-log-msg">{l.message}</span>
            </li>
          ))}
        </ol>
      </div>
      {unseen && !compact && (
        <div>
          <Button size="sm" onClick={toBottom}>
            {t("log.jump")}
          </Button>
        </div>
      )}
    </div>
  );
}
