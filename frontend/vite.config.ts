import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { resolve } from "node:path";

// Two pages: the app (index.html) and the GraphiQL explorer (graphiql.html),
// both embedded into the Go binary from dist/. `npm run dev` proxies the API
// to a server started with `make run` (WOOW_ADDR defaults to :8080).
const api = process.env.WOOW_API ?? "http://127.0.0.1:8080";

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 4096,
    rollupOptions: {
      input: {
        main: resolve(import.meta.dirname, "index.html"),
        graphiql: resolve(import.meta.dirname, "graphiql.html"),
      },
    },
  },
  // The GraphiQL explorer's Monaco workers (src/graphiql/workers.ts) are
  // served unbundled by the dev server; the CommonJS packages they import
  // must be pre-bundled to load there as ES modules.
  optimizeDeps: {
    include: ["nullthrows", "debounce-promise", "picomatch-browser"],
  },
  server: {
    proxy: {
      "/query": { target: api, ws: true, changeOrigin: false },
    },
  },
});
