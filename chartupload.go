package main

import (
	"encoding/json"
	"net/http"

	"github.com/woowtech/woow-paas/catalog"
	"github.com/woowtech/woow-paas/errs/httperr"
	"github.com/woowtech/woow-paas/helmops"
)

// chartUpload is POST /api/charts: a platform admin uploads a chart
// archive (the body, Content-Type application/gzip) and gets back the
// chartRef a template takes ({"chartRef", "name", "version", "size"}).
// Errors are the JSON error bodies of httperr (403 for others, before the
// body is read; 400 for an archive that is refused, saying why).
func chartUpload(cat *catalog.Service) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// One byte over the limit is read, so that the domain can say
		// the archive is too large; nothing more.
		r.Body = http.MaxBytesReader(w, r.Body, helmops.MaxUploadBytes+1)
		out, err := cat.UploadChart(r.Context(), r.Body)
		if err != nil {
			httperr.Write(w, err)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusCreated)
		_ = json.NewEncoder(w).Encode(out)
	})
}
