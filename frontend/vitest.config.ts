import { defineConfig } from "vitest/config";

// Vitest 3 brings its own Vite (7); it compiles TSX with esbuild, so the
// React plugin of vite.config.ts (for Vite 8) is not loaded here.
export default defineConfig({
  esbuild: { jsx: "automatic" },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}"],
    setupFiles: ["src/test-setup.ts"],
    css: false,
  },
});
