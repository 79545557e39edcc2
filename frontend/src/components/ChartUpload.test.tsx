import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ChartUpload, MAX_CHART_BYTES } from "./ChartUpload";

const ref = "upload://" + "a".repeat(64);

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

describe("ChartUpload", { timeout: 20_000 }, () => {
  it("posts the file as application/gzip and shows the chart reference", async () => {
    const fetcher = vi.fn(async () => json(201, { chartRef: ref, name: "web", version: "1.0.0", size: 3 }));
    const onUploaded = vi.fn();
    render(<ChartUpload fetcher={fetcher as unknown as typeof fetch} onUploaded={onUploaded} />);
    const upload = screen.getByRole("button", { name: "Upload chart" });
    expect(upload).toBeDisabled();
    const file = new File([new Uint8Array([0x1f, 0x8b, 0])], "web-1.0.0.tgz", { type: "application/gzip" });
    await userEvent.upload(screen.getByLabelText(/Chart archive/), file);
    await userEvent.click(upload);
    expect(await screen.findByRole("status")).toHaveTextContent(`Uploaded web 1.0.0. Chart reference: ${ref}`);
    expect(fetcher).toHaveBeenCalledTimes(1);
    const [url, init] = fetcher.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/charts");
    expect(init.method).toBe("POST");
    expect(init.headers).toEqual({ "Content-Type": "application/gzip" });
    expect(init.body).toBe(file);
    expect(onUploaded).toHaveBeenCalledWith(expect.objectContaining({ chartRef: ref }));
  });

  it("shows the server's reason when the archive is refused", async () => {
    const fetcher = vi.fn(async () =>
      json(400, { errors: [{ message: "not a chart archive: Helm cannot load it: Chart.yaml file is missing", extensions: { code: "BAD_USER_INPUT", field: "chart" } }] }),
    );
    render(<ChartUpload fetcher={fetcher as unknown as typeof fetch} />);
    await userEvent.upload(screen.getByLabelText(/Chart archive/), new File(["x"], "x.tgz"));
    await userEvent.click(screen.getByRole("button", { name: "Upload chart" }));
    expect(await screen.findByText(/Chart.yaml file is missing/)).toBeInTheDocument();
    expect(screen.getByLabelText(/Chart archive/)).toHaveAttribute("aria-invalid", "true");
    expect(screen.queryByRole("status")).toBeNull();
  });

  it("refuses a file over the limit without sending it", async () => {
    const fetcher = vi.fn();
    render(<ChartUpload fetcher={fetcher as unknown as typeof fetch} />);
    await userEvent.upload(screen.getByLabelText(/Chart archive/), new File([new Uint8Array(MAX_CHART_BYTES + 1)], "big.tgz"));
    await userEvent.click(screen.getByRole("button", { name: "Upload chart" }));
    expect(await screen.findByText("The archive is larger than 1024 KiB.")).toBeInTheDocument();
    expect(fetcher).not.toHaveBeenCalled();
  });
});
