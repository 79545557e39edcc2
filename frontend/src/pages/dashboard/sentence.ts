// The activity feed's sentences in the app's language. The server writes
// each entry's summary in English and sends no parts (the service's name,
// a role…), so the parts are read back out of the summary with the wording
// the server uses for that verb, and the whole sentence is translated with
// them as placeholders. In English this gives the summary back unchanged.
// A summary that does not match (another wording, a verb this build does
// not know) is shown as the server wrote it.
import type { TFunction, TOptions } from "i18next";
import type { ActivityEntry } from "./activity";

const role = "(?<role>guest|user|admin|owner)";

const roleKeys = {
  guest: "roles.guest",
  user: "roles.user",
  admin: "roles.admin",
  owner: "roles.owner",
} as const;

type Role = keyof typeof roleKeys;

/** Per verb, the server's wordings and the sentence each becomes. */
const sentences = {
  "service.deployed": [[/^(?<name>.+) is being deployed from (?<template>.+)$/, "sentence.serviceDeployed"]],
  "service.upgrade": [[/^(?<name>.+): upgrade queued$/, "sentence.serviceUpgrade"]],
  "service.stop": [[/^(?<name>.+): stop queued$/, "sentence.serviceStop"]],
  "service.start": [[/^(?<name>.+): start queued$/, "sentence.serviceStart"]],
  "service.delete": [[/^(?<name>.+): delete queued$/, "sentence.serviceDelete"]],
  "service.rollback": [
    [/^(?<name>.+): rollback to revision (?<revision>\d+) queued$/, "sentence.serviceRollback"],
    [/^(?<name>.+): rollback to the previous revision \((?<revision>\d+)\) queued$/, "sentence.serviceRollbackPrevious"],
  ],
  "service.running": [[/^(?<name>.+) is running$/, "sentence.serviceRunning"]],
  "service.stopped": [[/^(?<name>.+) is stopped$/, "sentence.serviceStopped"]],
  "service.gone": [[/^(?<name>.+) was deleted$/, "sentence.serviceGone"]],
  "service.error": [[/^(?<name>.+?) failed: (?<reason>[\s\S]*)$/, "sentence.serviceError"]],
  "workspace.created": [[/^Workspace (?<name>.+) created$/, "sentence.workspaceCreated"]],
  "workspace.archived": [[/^Workspace (?<name>.+) archived$/, "sentence.workspaceArchived"]],
  "workspace.ownership_transferred": [[/^(?<name>.+) is now the owner$/, "sentence.ownershipTransferred"]],
  "member.invited": [[new RegExp(`^(?<actor>.+) invited someone as ${role}$`), "sentence.memberInvited"]],
  "member.joined": [[new RegExp(`^(?<actor>.+) joined as ${role}$`), "sentence.memberJoined"]],
  "member.left": [[/^(?<name>.+) left$/, "sentence.memberLeft"]],
  "member.removed": [[/^(?<name>.+) was removed$/, "sentence.memberRemoved"]],
  "member.role_changed": [
    [new RegExp(`^(?<name>.+) is now ${role} \\(was (?<was>guest|user|admin|owner)\\)$`), "sentence.memberRoleChanged"],
  ],
  "invitation.declined": [[new RegExp(`^An invitation as ${role} was declined$`), "sentence.invitationDeclined"]],
  "project.created": [[/^Project (?<name>.+) started$/, "sentence.projectCreated"]],
  "project.deleted": [[/^Project (?<name>.+) deleted$/, "sentence.projectDeleted"]],
  "task.created": [[/^Task (?<name>.+) added to (?<project>.+)$/, "sentence.taskCreated"]],
  "task.deleted": [[/^Task (?<name>.+) deleted$/, "sentence.taskDeleted"]],
  "thread.created": [[/^Thread (?<name>.+) started$/, "sentence.threadCreated"]],
  "thread.deleted": [[/^Thread (?<name>.+) deleted$/, "sentence.threadDeleted"]],
  "smarthome.created": [[/^Smart home (?<name>.+) added \((?<host>.+)\)$/, "sentence.smartHomeCreated"]],
  "smarthome.active": [[/^Smart home (?<name>.+) is active at (?<host>.+)$/, "sentence.smartHomeActive"]],
  "smarthome.gone": [[/^Smart home (?<name>.+) was deleted$/, "sentence.smartHomeGone"]],
  "smarthome.error": [[/^Smart home (?<name>.+?) failed: (?<reason>[\s\S]*)$/, "sentence.smartHomeError"]],
  "smarthome.token_read": [[/^Tunnel token of (?<name>.+) read$/, "sentence.smartHomeTokenRead"]],
  "smarthome.tunnel_connected": [[/^Tunnel of (?<name>.+) is connected$/, "sentence.tunnelConnected"]],
  "smarthome.tunnel_disconnected": [[/^Tunnel of (?<name>.+) is disconnected$/, "sentence.tunnelDisconnected"]],
  "smarthome.tunnel_error": [[/^Tunnel of (?<name>.+) is error$/, "sentence.tunnelError"]],
  "smarthome.tunnel_deleted": [[/^Tunnel of (?<name>.+) is deleted$/, "sentence.tunnelDeleted"]],
} as const;

type Verb = keyof typeof sentences;

function isVerb(verb: string): verb is Verb {
  return Object.hasOwn(sentences, verb);
}

/** The entry's summary as a sentence of the app's language. */
export function activitySentence(entry: Pick<ActivityEntry, "verb" | "summary">, t: TFunction<"dashboard">): string {
  if (!isVerb(entry.verb)) return entry.summary;
  for (const [pattern, key] of sentences[entry.verb]) {
    const groups = pattern.exec(entry.summary)?.groups;
    if (!groups) continue;
    const values: TOptions = { ...groups };
    // Role names are words of the sentence, not data: they are translated too.
    for (const k of ["role", "was"]) {
      if (groups[k]) values[k] = t(roleKeys[groups[k] as Role]);
    }
    return t(key, values);
  }
  return entry.summary;
}
