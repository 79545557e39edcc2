package cffake

import (
	"encoding/json"
	"net/http"
	"time"
)

// serveControl answers the control endpoints of a fake started by Start
// (outside /client/v4, no API token needed: the fake listens on loopback
// for tests only). They stand in for what a test does in Go with Connect,
// Disconnect and Tunnels:
//
//	POST /_fake/connect?tunnel=<id>[&connector=<uuid>][&arch=linux_amd64][&version=2025.1.0]
//	     a cloudflared connects to the tunnel: 200 {"tunnel","connector_id","arch","opened_at"},
//	     404 for an unknown or deleted tunnel
//	POST /_fake/disconnect?tunnel=<id>
//	     every connector of the tunnel goes: 200 {"tunnel"}
//	GET  /_fake/tunnels
//	     the live tunnels: 200 {"tunnels":[{"id","name","token","connectors"}]}
func (s *Server) serveControl(w http.ResponseWriter, req *http.Request) {
	answer := func(status int, v any) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_ = json.NewEncoder(w).Encode(v)
	}
	q := req.URL.Query()
	switch req.URL.Path {
	case "/_fake/connect", "/_fake/disconnect":
		if req.Method != http.MethodPost {
			answer(http.StatusMethodNotAllowed, map[string]string{"error": "POST only"})
			return
		}
		id := q.Get("tunnel")
		s.mu.Lock()
		defer s.mu.Unlock()
		t := s.find(id)
		if t == nil || !t.DeletedAt.IsZero() {
			answer(http.StatusNotFound, map[string]string{"error": "no live tunnel " + id})
			return
		}
		if req.URL.Path == "/_fake/disconnect" {
			t.Connectors = nil
			answer(http.StatusOK, map[string]string{"tunnel": id})
			return
		}
		arch := q.Get("arch")
		if arch == "" {
			arch = "linux_amd64"
		}
		version := q.Get("version")
		if version == "" {
			version = "2025.1.0"
		}
		c, err := s.connect(id, Connector{ID: q.Get("connector"), Arch: arch, Version: version, ColoName: "tpe01"})
		if err != nil {
			answer(http.StatusNotFound, map[string]string{"error": err.Error()})
			return
		}
		answer(http.StatusOK, map[string]string{
			"tunnel": id, "connector_id": c.ID, "arch": c.Arch, "opened_at": c.OpenedAt.Format(time.RFC3339),
		})
	case "/_fake/tunnels":
		type out struct {
			ID         string   `json:"id"`
			Name       string   `json:"name"`
			Token      string   `json:"token"`
			Connectors []string `json:"connectors"`
		}
		s.mu.Lock()
		list := []out{}
		for _, t := range s.tunnels {
			if !t.DeletedAt.IsZero() {
				continue
			}
			o := out{ID: t.ID, Name: t.Name, Token: s.tokenOf(t), Connectors: []string{}}
			for _, c := range t.Connectors {
				o.Connectors = append(o.Connectors, c.ID)
			}
			list = append(list, o)
		}
		s.mu.Unlock()
		answer(http.StatusOK, map[string]any{"tunnels": list})
	default:
		answer(http.StatusNotFound, map[string]string{"error": "no such control endpoint"})
	}
}
