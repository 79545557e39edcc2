// Package frontend serves the single-page app embedded in the binary.
//
// dist/ is the built app (`make build` runs Vite first; dist/ is not
// committed). Paths that are not files fall back to index.html so
// client-side routes survive a reload; /graphiql is the API explorer's
// page; hashed assets under /assets/ are cached for a year, everything else
// is revalidated.
package frontend

import (
	"embed"
	"io/fs"
	"net/http"
	"path"
	"strings"
)

//go:embed all:dist
var dist embed.FS

// contentSecurityPolicy allows only this origin's scripts, workers and
// connections (the API and its WebSocket): neither a template's Markdown
// nor anything else can load or run code from elsewhere. Inline styles are
// allowed because React's style attributes and the explorer's editor
// (Monaco) set them; images may be https or data: URLs (app icons).
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; worker-src 'self' blob:; " +
	"style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; font-src 'self' data:; " +
	"connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

// notBuilt is served when the binary was built without the app (go build
// on a fresh checkout): the API works, the page says how to get the app.
const notBuilt = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Woow PaaS</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5">
<h1>Woow PaaS</h1>
<p>The server is running, but this binary was built without the web app.
Build it with <code>make build</code> (or <code>make run</code>), which builds
<code>frontend/</code> first. The GraphQL API answers at <code>/query</code>.</p>
</body></html>
`

// Handler serves the app.
func Handler() http.Handler {
	root, err := fs.Sub(dist, "dist")
	if err != nil {
		panic(err) // the embed pattern guarantees dist exists
	}
	return handler(root)
}

func handler(root fs.FS) http.Handler {
	_, err := fs.Stat(root, "index.html")
	built := err == nil
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		if !built {
			h.Set("Content-Type", "text/html; charset=utf-8")
			h.Set("Cache-Control", "no-cache")
			_, _ = w.Write([]byte(notBuilt))
			return
		}
		name := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
		switch name {
		case "", "index.html":
			name = "index.html"
		case "graphiql", "graphiql.html":
			name = "graphiql.html"
		}
		if st, err := fs.Stat(root, name); err != nil || st.IsDir() {
			if name == "assets" || strings.HasPrefix(name, "assets/") {
				http.NotFound(w, r)
				return
			}
			// A client-side route: the app decides what it shows.
			name = "index.html"
		}
		if strings.HasPrefix(name, "assets/") {
			h.Set("Cache-Control", "public, max-age=31536000, immutable")
		} else {
			h.Set("Cache-Control", "no-cache")
		}
		// ServeFileFS redirects a path ending in /index.html to its
		// directory, so the app's page is served as "/".
		r = r.Clone(r.Context())
		r.URL.Path = "/" + strings.TrimSuffix(name, "index.html")
		http.ServeFileFS(w, r, root, name)
	})
}
