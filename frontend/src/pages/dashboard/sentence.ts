// The activity feed's sentences in the app's language. The server writes
// each entry's summary in English and sends the parts it is made of as
// params (the service's name, a role…): a verb this build knows is said
// with its sentence and those params, which in English gives the summary
// back. An entry without params (written before the server sent them) or
// of a verb this build does not know is shown as the server wrote it.
//
// The Go tests hold the server to the same English sentences
// (activity/activitytest): a verb added here needs its sentence there too.
import type { TFunction, TOptions } from "i18next";
import type { ActivityEntry } from "./activity";

type Params = Record<string, string>;

/** A key of the dashboard's sentences. */
type SentenceKey = `sentence.${keyof (typeof import("../../i18n/locales/en/dashboard.json"))["sentence"]}`;

const roleKeys = {
  guest: "roles.guest",
  user: "roles.user",
  admin: "roles.admin",
  owner: "roles.owner",
} as const;

type Role = keyof typeof roleKeys;

function isRole(s: string | undefined): s is Role {
  return s !== undefined && Object.hasOwn(roleKeys, s);
}

/** A sentence's key, for a verb whose wording does not depend on its params. */
const fixed = (key: SentenceKey) => () => key;

/** Per verb, the key of its sentence for the params the server sent. */
const sentences = {
  "service.deployed": fixed("sentence.serviceDeployed"),
  "service.upgrade": fixed("sentence.serviceUpgrade"),
  "service.stop": fixed("sentence.serviceStop"),
  "service.start": fixed("sentence.serviceStart"),
  "service.delete": fixed("sentence.serviceDelete"),
  "service.rollback": (p: Params) =>
    p.previous === "true" ? "sentence.serviceRollbackPrevious" : "sentence.serviceRollback",
  "service.running": fixed("sentence.serviceRunning"),
  "service.stopped": fixed("sentence.serviceStopped"),
  "service.gone": fixed("sentence.serviceGone"),
  "service.error": fixed("sentence.serviceError"),
  "workspace.created": fixed("sentence.workspaceCreated"),
  "workspace.updated": workspaceUpdated,
  "workspace.archived": fixed("sentence.workspaceArchived"),
  "workspace.ownership_transferred": fixed("sentence.ownershipTransferred"),
  "member.invited": fixed("sentence.memberInvited"),
  "member.joined": fixed("sentence.memberJoined"),
  "member.left": fixed("sentence.memberLeft"),
  "member.removed": fixed("sentence.memberRemoved"),
  "member.role_changed": fixed("sentence.memberRoleChanged"),
  "invitation.declined": fixed("sentence.invitationDeclined"),
  "invitation.cancelled": fixed("sentence.invitationCancelled"),
  "project.created": fixed("sentence.projectCreated"),
  "project.deleted": fixed("sentence.projectDeleted"),
  "task.created": fixed("sentence.taskCreated"),
  "task.deleted": fixed("sentence.taskDeleted"),
  "thread.created": fixed("sentence.threadCreated"),
  "thread.deleted": fixed("sentence.threadDeleted"),
  "smarthome.created": fixed("sentence.smartHomeCreated"),
  "smarthome.retried": fixed("sentence.smartHomeRetried"),
  "smarthome.deleted": fixed("sentence.smartHomeDeleting"),
  "smarthome.active": fixed("sentence.smartHomeActive"),
  "smarthome.gone": fixed("sentence.smartHomeGone"),
  "smarthome.error": fixed("sentence.smartHomeError"),
  "smarthome.token_read": fixed("sentence.smartHomeTokenRead"),
  "smarthome.tunnel_connected": fixed("sentence.tunnelConnected"),
  "smarthome.tunnel_disconnected": fixed("sentence.tunnelDisconnected"),
  "smarthome.tunnel_error": fixed("sentence.tunnelError"),
  "smarthome.tunnel_deleted": fixed("sentence.tunnelDeleted"),
} as const satisfies Record<string, (p: Params) => SentenceKey | undefined>;

/** A workspace's rename and description change are one entry, either or both. */
function workspaceUpdated(p: Params): SentenceKey | undefined {
  const renamed = p.from !== undefined && p.to !== undefined;
  const described = p.descriptionChanged === "true";
  if (renamed && described) return "sentence.workspaceRenamedAndDescribed";
  if (renamed) return "sentence.workspaceRenamed";
  if (described) return "sentence.workspaceDescriptionChanged";
  return undefined;
}

type Verb = keyof typeof sentences;

function isVerb(verb: string): verb is Verb {
  return Object.hasOwn(sentences, verb);
}

/** The entry's summary as a sentence of the app's language. */
export function activitySentence(
  entry: Pick<ActivityEntry, "verb" | "summary" | "params">,
  t: TFunction<"dashboard">,
): string {
  const { verb, params } = entry;
  if (!params || !isVerb(verb)) return entry.summary;
  const key = sentences[verb](params);
  if (!key) return entry.summary;
  const values: TOptions = { ...params };
  // Role names are words of the sentence, not data: they are translated too.
  for (const k of ["role", "was"]) {
    const r = params[k];
    if (isRole(r)) values[k] = t(roleKeys[r]);
  }
  return t(key, values);
}
