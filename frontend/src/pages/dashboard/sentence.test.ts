import { describe, expect, it } from "vitest";
import { i18n } from "../../i18n";
import { activitySentence } from "./sentence";

const en = i18n.getFixedT("en", "dashboard");
const zh = i18n.getFixedT("zh-TW", "dashboard");

// Per verb, the params the server records and its summary with them (the
// same table as activity/activitytest's examples in Go), and what the
// entry says in Chinese.
const cases: [verb: string, params: Record<string, string>, summary: string, chinese: string][] = [
  ["service.deployed", { name: "n8n", template: "n8n" }, "n8n is being deployed from n8n", "正在從 n8n 部署 n8n"],
  ["service.upgrade", { name: "my-db" }, "my-db: upgrade queued", "my-db：已排入升級"],
  ["service.stop", { name: "my-db" }, "my-db: stop queued", "my-db：已排入停止"],
  ["service.start", { name: "my-db" }, "my-db: start queued", "my-db：已排入啟動"],
  ["service.delete", { name: "my-db" }, "my-db: delete queued", "my-db：已排入刪除"],
  [
    "service.rollback",
    { name: "my-db", revision: "3" },
    "my-db: rollback to revision 3 queued",
    "my-db：已排入回復到版本 3",
  ],
  [
    "service.rollback",
    { name: "my-db", revision: "2", previous: "true" },
    "my-db: rollback to the previous revision (2) queued",
    "my-db：已排入回復到上一個版本（2）",
  ],
  ["service.running", { name: "my-db" }, "my-db is running", "my-db 正在執行"],
  ["service.stopped", { name: "my-db" }, "my-db is stopped", "my-db 已停止"],
  ["service.gone", { name: "my-db" }, "my-db was deleted", "my-db 已刪除"],
  [
    "service.error",
    { name: "my-db", reason: "the chart was not found" },
    "my-db failed: the chart was not found",
    "my-db 失敗：the chart was not found",
  ],
  ["workspace.created", { name: "Acme Labs" }, "Workspace Acme Labs created", "已建立工作區 Acme Labs"],
  [
    "workspace.updated",
    { from: "Acme", to: "Acme Labs" },
    "Workspace renamed Acme to Acme Labs",
    "已將工作區 Acme 重新命名為 Acme Labs",
  ],
  ["workspace.updated", { descriptionChanged: "true" }, "Workspace changed the description", "已變更工作區的說明"],
  [
    "workspace.updated",
    { from: "Acme", to: "Acme Labs", descriptionChanged: "true" },
    "Workspace renamed Acme to Acme Labs and changed the description",
    "已將工作區 Acme 重新命名為 Acme Labs，並變更了說明",
  ],
  ["workspace.archived", { name: "Acme" }, "Workspace Acme archived", "已封存工作區 Acme"],
  ["workspace.ownership_transferred", { name: "Bob" }, "Bob is now the owner", "Bob 現在是擁有者"],
  ["member.invited", { actor: "Ann", role: "guest" }, "Ann invited someone as guest", "Ann 邀請了一位訪客"],
  ["member.joined", { actor: "Ann Lee", role: "admin" }, "Ann Lee joined as admin", "Ann Lee 以管理員身分加入"],
  ["member.left", { name: "Bob" }, "Bob left", "Bob 已離開"],
  ["member.removed", { name: "Bob" }, "Bob was removed", "Bob 已被移除"],
  [
    "member.role_changed",
    { name: "Bob", role: "user", was: "guest" },
    "Bob is now user (was guest)",
    "Bob 現在是使用者（原為訪客）",
  ],
  ["invitation.declined", { role: "user" }, "An invitation as user was declined", "一份以使用者身分加入的邀請已被拒絕"],
  ["invitation.cancelled", { actor: "Ann" }, "Ann withdrew an invitation", "Ann 撤回了一份邀請"],
  ["project.created", { name: "Website" }, "Project Website started", "已開始專案 Website"],
  ["project.deleted", { name: "Website" }, "Project Website deleted", "已刪除專案 Website"],
  [
    "task.created",
    { name: "Fix login", project: "Website" },
    "Task Fix login added to Website",
    "已將任務 Fix login 新增到 Website",
  ],
  ["task.deleted", { name: "Fix login" }, "Task Fix login deleted", "已刪除任務 Fix login"],
  ["thread.created", { name: "“Backups”" }, "Thread “Backups” started", "已開始對話 “Backups”"],
  ["thread.deleted", { name: "#12" }, "Thread #12 deleted", "已刪除對話 #12"],
  [
    "smarthome.created",
    { name: "Cabin", host: "cabin.example.com" },
    "Smart home Cabin added (cabin.example.com)",
    "已新增智慧家庭 Cabin（cabin.example.com）",
  ],
  ["smarthome.retried", { name: "Cabin" }, "Provisioning of Cabin retried", "已重新嘗試佈建智慧家庭 Cabin"],
  ["smarthome.deleted", { name: "Cabin" }, "Smart home Cabin is being deleted", "正在刪除智慧家庭 Cabin"],
  [
    "smarthome.active",
    { name: "Cabin", host: "cabin.example.com" },
    "Smart home Cabin is active at cabin.example.com",
    "智慧家庭 Cabin 已啟用，網址為 cabin.example.com",
  ],
  ["smarthome.gone", { name: "Cabin" }, "Smart home Cabin was deleted", "智慧家庭 Cabin 已刪除"],
  [
    "smarthome.error",
    { name: "Cabin", reason: "the tunnel could not be created" },
    "Smart home Cabin failed: the tunnel could not be created",
    "智慧家庭 Cabin 失敗：the tunnel could not be created",
  ],
  ["smarthome.token_read", { name: "Cabin" }, "Tunnel token of Cabin read", "已讀取 Cabin 的通道權杖"],
  ["smarthome.tunnel_connected", { name: "Cabin" }, "Tunnel of Cabin is connected", "Cabin 的通道已連線"],
  ["smarthome.tunnel_disconnected", { name: "Cabin" }, "Tunnel of Cabin is disconnected", "Cabin 的通道已中斷連線"],
  ["smarthome.tunnel_error", { name: "Cabin" }, "Tunnel of Cabin is error", "Cabin 的通道發生錯誤"],
  ["smarthome.tunnel_deleted", { name: "Cabin" }, "Tunnel of Cabin is deleted", "Cabin 的通道已刪除"],
];

describe("activitySentence", () => {
  it.each(cases)("%s %o: says the server's summary in English", (verb, params, summary) => {
    expect(activitySentence({ verb, params, summary }, en)).toBe(summary);
  });

  it.each(cases)("%s %o: says it in Chinese as a whole sentence", (verb, params, summary, chinese) => {
    expect(activitySentence({ verb, params, summary }, zh)).toBe(chinese);
  });

  it("takes names that contain a sentence's wording as names", () => {
    const entry = {
      verb: "service.deployed",
      params: { name: "x is being deployed from y", template: "n8n" },
      summary: "x is being deployed from y is being deployed from n8n",
    };
    expect(activitySentence(entry, en)).toBe(entry.summary);
    expect(activitySentence(entry, zh)).toBe("正在從 n8n 部署 x is being deployed from y");
  });

  it("shows the server's summary for an entry without params or of a verb it does not know", () => {
    expect(activitySentence({ verb: "service.running", params: null, summary: "my-db is running" }, zh)).toBe(
      "my-db is running",
    );
    expect(
      activitySentence(
        {
          verb: "service.scaled",
          params: { name: "my-db" },
          summary: "my-db scaled",
        },
        zh,
      ),
    ).toBe("my-db scaled");
    expect(activitySentence({ verb: "toString", params: {}, summary: "odd" }, zh)).toBe("odd");
    expect(activitySentence({ verb: "workspace.updated", params: {}, summary: "Workspace changed" }, zh)).toBe(
      "Workspace changed",
    );
  });
});
