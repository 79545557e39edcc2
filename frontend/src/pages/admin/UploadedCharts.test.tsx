import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Provider } from "urql";
import { afterEach, describe, expect, it } from "vitest";
import { i18n } from "../../i18n";
import { gqlError, mockClient } from "../../test/mockClient";
import { UploadedCharts } from "./UploadedCharts";

const used = {
  __typename: "UploadedChart",
  chartRef: "upload://" + "a".repeat(64),
  name: "upapp",
  version: "0.3.0",
  size: 1536,
  uploadedAt: new Date().toISOString(),
  templates: [{ __typename: "AppTemplate", id: "t-1", name: "Up App" }],
};
const spare = { ...used, chartRef: "upload://" + "b".repeat(64), name: "spare", version: "1.0.0", size: 2 << 20, templates: [] };

function setup(deleteAnswer: (v: Record<string, unknown>) => object) {
  const mc = mockClient({
    UploadedCharts: { data: { uploadedCharts: [spare, used] } },
    DeleteUploadedChart: deleteAnswer,
  });
  render(
    <Provider value={mc.client}>
      <UploadedCharts />
    </Provider>,
  );
  return mc;
}

afterEach(async () => {
  await act(() => i18n.changeLanguage("en"));
});

describe("UploadedCharts", () => {
  it("lists each archive with its size and the templates that name it, and deletes one after a confirmation", async () => {
    const deleted: unknown[] = [];
    setup((v) => {
      deleted.push(v.input);
      return { data: { deleteUploadedChart: { __typename: "DeleteUploadedChartPayload", deletedChartRef: spare.chartRef } } };
    });
    const rows = screen.getAllByRole("row");
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveTextContent(/spare\s*1\.0\.0/);
    expect(rows[1]).toHaveTextContent("2 MiB");
    expect(rows[1]).toHaveTextContent("No template");
    expect(rows[2]).toHaveTextContent("1.5 KiB");
    expect(rows[2]).toHaveTextContent("Up App");

    await userEvent.click(within(rows[1]).getByRole("button", { name: "Delete" }));
    const dialog = screen.getByRole("dialog");
    expect(dialog).toHaveTextContent("Delete the chart spare 1.0.0?");
    await userEvent.click(within(dialog).getByRole("button", { name: "Delete" }));
    expect(deleted).toEqual([{ chartRef: spare.chartRef }]);
  });

  it("shows the server's refusal of a chart a template names in the dialog", async () => {
    setup(() => ({ error: gqlError("CONFLICT", 'templates use this chart ("Up App"): give them another chart first') }));
    await userEvent.click(within(screen.getAllByRole("row")[2]).getByRole("button", { name: "Delete" }));
    await userEvent.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Delete" }));
    expect(within(screen.getByRole("dialog")).getByRole("alert")).toHaveTextContent('templates use this chart ("Up App")');
  });

  it("speaks Traditional Chinese", async () => {
    await act(() => i18n.changeLanguage("zh-TW"));
    setup(() => ({}));
    expect(screen.getByRole("heading", { name: "已上傳的 chart" })).toBeInTheDocument();
    expect(screen.getByRole("columnheader", { name: "使用中的範本" })).toBeInTheDocument();
    expect(screen.getAllByRole("button", { name: "刪除" })).toHaveLength(2);
  });
});
