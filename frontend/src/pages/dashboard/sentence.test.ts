import { describe, expect, it } from "vitest";
import { i18n } from "../../i18n";
import { activitySentence } from "./sentence";

const en = i18n.getFixedT("en", "dashboard");
const zh = i18n.getFixedT("zh-TW", "dashboard");

// Summaries as the server writes them, and what each says in Chinese.
const cases: [verb: string, summary: string, chinese: string][] = [
  ["service.deployed", "n8n is being deployed from n8n", "正在從 n8n 部署 n8n"],
  ["service.upgrade", "my-db: upgrade queued", "my-db：已排入升級"],
  ["service.stop", "my-db: stop queued", "my-db：已排入停止"],
  ["service.rollback", "my-db: rollback to revision 3 queued", "my-db：已排入回復到版本 3"],
  ["service.rollback", "my-db: rollback to the previous revision (2) queued", "my-db：已排入回復到上一個版本（2）"],
  ["service.running", "my-db is running", "my-db 正在執行"],
  ["service.error", "my-db failed: the chart was not found", "my-db 失敗：the chart was not found"],
  ["workspace.created", "Workspace Acme Labs created", "已建立工作區 Acme Labs"],
  ["member.joined", "Ann Lee joined as admin", "Ann Lee 以管理員身分加入"],
  ["member.invited", "Ann invited someone as guest", "Ann 邀請了一位訪客"],
  ["member.role_changed", "Bob is now user (was guest)", "Bob 現在是使用者（原為訪客）"],
  ["invitation.declined", "An invitation as user was declined", "一份以使用者身分加入的邀請已被拒絕"],
  ["task.created", "Task Fix login added to Website", "已將任務 Fix login 新增到 Website"],
  ["thread.created", "Thread “Backups” started", "已開始對話 “Backups”"],
  ["smarthome.created", "Smart home Cabin added (cabin.example.com)", "已新增智慧家庭 Cabin（cabin.example.com）"],
  ["smarthome.tunnel_connected", "Tunnel of Cabin is connected", "Cabin 的通道已連線"],
];

describe("activitySentence", () => {
  it.each(cases)("%s: gives the server's English back unchanged", (verb, summary) => {
    expect(activitySentence({ verb, summary }, en)).toBe(summary);
  });

  it.each(cases)("%s: says it in Chinese as a whole sentence", (verb, summary, chinese) => {
    expect(activitySentence({ verb, summary }, zh)).toBe(chinese);
  });

  it("shows a summary it cannot read as the server wrote it", () => {
    expect(activitySentence({ verb: "service.running", summary: "Ada deployed n8n" }, zh)).toBe("Ada deployed n8n");
    expect(activitySentence({ verb: "workspace.updated", summary: "Workspace renamed A to B" }, zh)).toBe("Workspace renamed A to B");
    expect(activitySentence({ verb: "toString", summary: "odd" }, zh)).toBe("odd");
  });
});
