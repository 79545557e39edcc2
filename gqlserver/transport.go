package gqlserver

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/errs/httperr"
)

// The GraphQL-over-HTTP specification's media types of a response.
const (
	mediaJSON            = "application/json"
	mediaGraphQLResponse = "application/graphql-response+json"
)

// postTransport and getTransport are gqlgen's POST and GET transports
// with the status codes and bodies of the GraphQL-over-HTTP
// specification for request errors: errors found before the operation
// runs (syntax, validation, variable coercion, the limits, a malformed
// persistedQuery extension). gqlgen answers those with 422 under
// application/json and with a "data": null entry under both media types;
// the specification (and the graphql-http audit suite,
// frontend/e2e/13-graphql-http.test.mjs) wants:
//
//   - application/json (what the client accepts first, or no Accept, */*,
//     application/*): 200, since a client of that media type may not read
//     the body of a 4xx;
//   - application/graphql-response+json: 400 (200 for
//     PERSISTED_QUERY_NOT_FOUND, which Apollo clients answer by sending the
//     query);
//   - under both, no data entry: the operation never ran.
//
// A request with neither a query nor a persisted query's hash is no
// GraphQL request at all (a misspelt "query", a browser opening the URL):
// 400 BAD_REQUEST, as other malformed requests. Responses of operations
// that ran are gqlgen's, with status 200. What the
// transports get has passed ServeHTTP's checks (httpcheck.go: method,
// Content-Type, a decodable body, a GET query operation), so their own
// refusals are a fallback and carry a code.
type postTransport struct{}

var _ graphql.Transport = postTransport{}

// Supports implements graphql.Transport: a JSON POST that is no upgrade.
func (postTransport) Supports(r *http.Request) bool {
	if r.Header.Get("Upgrade") != "" || r.Method != http.MethodPost {
		return false
	}
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return err == nil && mt == mediaJSON
}

// Do implements graphql.Transport.
func (postTransport) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	start := graphql.Now()
	body, err := io.ReadAll(r.Body)
	if err != nil {
		httperr.Write(w, errs.E(httperr.BadRequest, "could not read request body"))
		return
	}
	var params graphql.RawParams
	if !decodeJSON(body, &params) {
		httperr.Write(w, errs.E(httperr.BadRequest, "request body is not a GraphQL JSON request"))
		return
	}
	params.Headers = r.Header
	params.ReadTime = graphql.TraceTiming{Start: start, End: graphql.Now()}
	execute(w, r, exec, &params, false)
}

type getTransport struct{}

var _ graphql.Transport = getTransport{}

// Supports implements graphql.Transport: a GET that is no upgrade.
func (getTransport) Supports(r *http.Request) bool {
	return r.Header.Get("Upgrade") == "" && r.Method == http.MethodGet
}

// Do implements graphql.Transport.
func (getTransport) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	start := graphql.Now()
	query, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		httperr.Write(w, errs.E(httperr.BadRequest, "malformed URL query string"))
		return
	}
	params := graphql.RawParams{
		Query:         query.Get("query"),
		OperationName: query.Get("operationName"),
		Headers:       r.Header,
	}
	for _, p := range []struct {
		name string
		dst  *map[string]any
	}{{"variables", &params.Variables}, {"extensions", &params.Extensions}} {
		if v := query.Get(p.name); v != "" && !decodeJSON([]byte(v), p.dst) {
			httperr.Write(w, errs.E(httperr.BadRequest, "%s must be a JSON object", p.name))
			return
		}
	}
	params.ReadTime = graphql.TraceTiming{Start: start, End: graphql.Now()}
	execute(w, r, exec, &params, true)
}

// decodeJSON decodes b into dst as gqlgen's transports do (numbers kept
// as json.Number).
func decodeJSON(b []byte, dst any) bool {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	return dec.Decode(dst) == nil
}

// execute runs params (queryOnly: a GET, which must carry a query) and
// writes the response in the media type the client accepts.
func execute(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor, params *graphql.RawParams, queryOnly bool) {
	ctx := r.Context()
	if params.Query == "" && params.Extensions["persistedQuery"] == nil {
		// Not a GraphQL request at all (a typo in "query", a browser
		// opening the URL): refused as a malformed one, not as a
		// GraphQL request error.
		httperr.Write(w, errs.E(httperr.BadRequest, "the request has no query"))
		return
	}
	media := responseMediaType(r.Header.Get("Accept"))
	opCtx, reqErrs := exec.CreateOperationContext(ctx, params)
	if reqErrs != nil {
		w.Header().Set("Content-Type", media)
		w.WriteHeader(requestErrorStatus(media, reqErrs))
		writeRequestErrors(w, exec.DispatchError(graphql.WithOperationContext(ctx, opCtx), reqErrs))
		return
	}
	if queryOnly {
		if op := opCtx.Doc.Operations.ForName(opCtx.OperationName); op == nil || op.Operation != ast.Query {
			w.Header().Set("Allow", http.MethodPost)
			httperr.Write(w, errs.E(httperr.MethodNotAllowed, "only queries may be sent with GET"))
			return
		}
	}
	w.Header().Set("Content-Type", media)
	responses, ctx := exec.DispatchOperation(ctx, opCtx)
	resp := responses(ctx)
	if resp == nil {
		resp = endedResponse(ctx)
	}
	writeJSON(w, resp)
}

// endedResponse answers an operation whose context ended before it ran:
// gqlgen's executor then runs nothing and returns no response (its end of
// a stream), which would go out as a bare null. The context ends that way
// when the viewer's session ends between authentication and execution
// (its cause is revocation.ErrEnded: UNAUTHENTICATED) or when the client
// went away. The answer is what an operation stopped at its root gives:
// no data, and the reason.
func endedResponse(ctx context.Context) *graphql.Response {
	code, msg := CodeCancelled, "the operation was cancelled"
	if e := errs.Public(context.Cause(ctx)); e != nil && e.Code != errs.Internal {
		code, msg = string(e.Code), e.Message
	}
	return &graphql.Response{
		Data:   json.RawMessage("null"),
		Errors: gqlerror.List{{Message: msg, Extensions: map[string]any{"code": code}}},
	}
}

// responseMediaType is the media type of the response: the first of
// application/graphql-response+json and application/json that accept
// lists, application/json for no Accept header, */* or application/*
// (as gqlgen decides; the specification's default for clients that do not
// say), and application/graphql-response+json when accept names neither.
func responseMediaType(accept string) string {
	if strings.TrimSpace(accept) == "" {
		return mediaJSON
	}
	for part := range strings.SplitSeq(accept, ",") {
		mt, _, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		switch mt {
		case "*/*", "application/*", mediaJSON:
			return mediaJSON
		case mediaGraphQLResponse:
			return mediaGraphQLResponse
		}
	}
	return mediaGraphQLResponse
}

// requestErrorStatus is the status of a response to a request error:
// 200 under application/json; 400 under application/graphql-response+json
// unless gqlgen counts the errors as a user's (PERSISTED_QUERY_NOT_FOUND:
// 200).
func requestErrorStatus(media string, list gqlerror.List) int {
	if media == mediaGraphQLResponse && errcode.GetErrorKind(list) == errcode.KindProtocol {
		return http.StatusBadRequest
	}
	return http.StatusOK
}

// requestErrorBody is a response to a request error: no data entry.
type requestErrorBody struct {
	Errors     gqlerror.List  `json:"errors"`
	Extensions map[string]any `json:"extensions,omitempty"`
}

// writeRequestErrors writes resp (from DispatchError: the presented
// errors) without its data entry.
func writeRequestErrors(w io.Writer, resp *graphql.Response) {
	writeJSON(w, requestErrorBody{Errors: resp.Errors, Extensions: resp.Extensions})
}

// writeJSON writes v as JSON; a value that cannot be encoded panics, as in
// gqlgen's transports (the handler's recover answers it).
func writeJSON(w io.Writer, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Errorf("encoding a GraphQL response: %w", err))
	}
	_, _ = w.Write(b)
}
