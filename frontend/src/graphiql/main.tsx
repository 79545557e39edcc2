// The GraphiQL explorer at /graphiql: graphiql 5 (Monaco editors) bundled
// with its workers and styles, nothing fetched from elsewhere.
import "./workers";
import "graphiql/style.css";
import "./graphiql.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { GraphiQL } from "graphiql";
import { createFetcher } from "./fetcher";
import { defaultQuery } from "./defaultQuery";

// Follows the app's theme choice (Settings), else the system; GraphiQL's own
// theme setting (its settings dialog) wins once the user picks one there.
function appTheme(): "light" | "dark" | null {
  try {
    const t = localStorage.getItem("woow.theme");
    return t === "light" || t === "dark" ? t : null;
  } catch {
    return null;
  }
}

const fetcher = createFetcher();

function Explorer() {
  return (
    <GraphiQL fetcher={fetcher} defaultQuery={defaultQuery} defaultTheme={appTheme()} shouldPersistHeaders={false}>
      <GraphiQL.Logo>
        <a className="woow-graphiql-back" href="/" aria-label="Back to Woow PaaS">
          <span aria-hidden="true">← </span>
          <span className="woow-graphiql-back-long">Back to </span>Woow PaaS
        </a>
      </GraphiQL.Logo>
    </GraphiQL>
  );
}

createRoot(document.getElementById("graphiql")!).render(
  <StrictMode>
    <Explorer />
  </StrictMode>,
);
