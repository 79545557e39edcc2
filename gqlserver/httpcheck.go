package gqlserver

import (
	"context"
	"encoding/json"
	"mime"
	"net/http"
	"net/url"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/parser"

	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/errs/httperr"
)

// gqlgen's transports and handler.Server answer some malformed requests by
// themselves, with a bare {"errors":[{"message":…}]} and no extensions.code
// ("transport not supported", "GET requests only allow query operations",
// "variables could not be decoded", …). The checks in this file refuse those
// requests before gqlgen sees them, with httperr.Write's shape and a code;
// TestHTTPErrorsHaveCodes lists the cases.

// checkMethod refuses what no transport of ours takes: methods other than GET
// and POST (WebSocket upgrades are checked before), and POSTs whose body is
// not JSON.
func checkMethod(w http.ResponseWriter, r *http.Request) bool {
	switch r.Method {
	case http.MethodGet:
		return true
	case http.MethodPost:
		if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
			httperr.Write(w, errs.E(httperr.UnsupportedMediaType, "Content-Type must be application/json"))
			return false
		}
		return true
	}
	w.Header().Set("Allow", "GET, POST")
	httperr.Write(w, errs.E(httperr.MethodNotAllowed, "send GraphQL requests with POST (or queries with GET)"))
	return false
}

// checkGET refuses a GET request that gqlgen's GET transport would refuse
// without a code: a malformed URL query, variables or extensions that are
// not JSON objects, and an operation other than a query (405: a GET must
// never change anything, as browsers, caches and prefetchers assume).
func (s *server) checkGET(w http.ResponseWriter, r *http.Request) bool {
	query, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		httperr.Write(w, errs.E(httperr.BadRequest, "malformed URL query string"))
		return false
	}
	params := graphql.RawParams{Query: query.Get("query"), OperationName: query.Get("operationName")}
	for _, p := range []struct {
		name string
		dst  *map[string]any
	}{{"variables", &params.Variables}, {"extensions", &params.Extensions}} {
		if v := query.Get(p.name); v != "" && !decodeObject(v, p.dst) {
			httperr.Write(w, errs.E(httperr.BadRequest, "%s must be a JSON object", p.name))
			return false
		}
	}
	if op := s.operationOf(r.Context(), &params); op != nil && op.Operation != ast.Query {
		w.Header().Set("Allow", "POST")
		httperr.Write(w, errs.E(httperr.MethodNotAllowed, "only queries may be sent with GET: send %ss with POST", op.Operation))
		return false
	}
	return true
}

// decodeObject decodes s into dst as gqlgen's GET transport does, so that
// what passes here cannot fail there.
func decodeObject(s string, dst *map[string]any) bool {
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	return dec.Decode(dst) == nil
}

// operationOf returns the operation params would run, or nil when that
// cannot be told here (gqlgen then reports the parse error, the missing
// operation or the unknown persisted query, each with its code). A
// persisted query sent by hash only is looked up in the APQ cache, without
// which a persisted mutation would reach gqlgen's GET check.
func (s *server) operationOf(ctx context.Context, params *graphql.RawParams) *ast.OperationDefinition {
	text := params.Query
	if text == "" && s.apq != nil {
		pq, _ := params.Extensions["persistedQuery"].(map[string]any)
		if hash, ok := pq["sha256Hash"].(string); ok {
			text, _ = s.apq.Get(ctx, hash)
		}
	}
	if text == "" {
		return nil
	}
	doc, err := parser.ParseQueryWithTokenLimit(&ast.Source{Input: text}, max(s.opts.ParserTokenLimit, 0))
	if err != nil {
		return nil
	}
	return doc.Operations.ForName(params.OperationName)
}

// checkStreaming refuses a request bound for the SSE transport when w
// cannot flush (a middleware that wraps the ResponseWriter without Flush):
// gqlgen would answer "streaming unsupported" without a code.
func (s *server) checkStreaming(w http.ResponseWriter, r *http.Request) bool {
	if !strings.Contains(r.Header.Get("Accept"), "text/event-stream") {
		return true
	}
	if _, ok := w.(http.Flusher); ok {
		return true
	}
	s.opts.Logger.ErrorContext(r.Context(), "graphql: cannot stream: the ResponseWriter does not implement http.Flusher")
	httperr.Write(w, errs.E(errs.Internal, "cannot stream"))
	return false
}

// persistedQueries is gqlgen's AutomaticPersistedQuery, whose refusals of
// malformed persistedQuery extensions ("invalid APQ extension data",
// "unsupported APQ version", "provided APQ hash does not match query") get
// CodeBadRequest. PERSISTED_QUERY_NOT_FOUND keeps its code: Apollo clients
// answer it by sending the query.
type persistedQueries struct {
	extension.AutomaticPersistedQuery
}

// MutateOperationParameters implements graphql.OperationParameterMutator.
func (p persistedQueries) MutateOperationParameters(ctx context.Context, params *graphql.RawParams) *gqlerror.Error {
	err := p.AutomaticPersistedQuery.MutateOperationParameters(ctx, params)
	if err != nil && err.Extensions["code"] == nil {
		requestError(CodeBadRequest, err)
	}
	return err
}
