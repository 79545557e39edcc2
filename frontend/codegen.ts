// Operation types from the server's schema: `npm run codegen` writes
// src/gql/ (committed). `npm run codegen:check` writes to a temporary
// directory (CODEGEN_OUT) and fails when src/gql/ differs from it.
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: ["../schema.graphqls", "../graph/ent.graphqls"],
  documents: ["src/**/*.{ts,tsx}", "!src/gql/**/*"],
  ignoreNoDocuments: true,
  generates: {
    [process.env.CODEGEN_OUT ?? "src/gql/"]: {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        skipTypename: false,
        scalars: {
          Time: "string",
          Cursor: "string",
          Map: "Record<string, unknown>",
          Any: "unknown",
          UUID: "string",
          StringMap: "Record<string, string>",
        },
      },
    },
  },
};

export default config;
