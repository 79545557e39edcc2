// Command cffake serves the in-memory fake of the Cloudflare API
// (tunnels/cffake) for the browser tests: it listens on 127.0.0.1 (a free
// port unless -addr says otherwise), prints one JSON line to stdout,
//
//	{"url":"http://127.0.0.1:PORT/client/v4","token":"cffake-…","account":"…","zone":"…"}
//
// (what the server takes as WOOW_CLOUDFLARE_API_URL, _API_TOKEN,
// _ACCOUNT_ID and _ZONE_ID), and serves until SIGINT or SIGTERM. Besides
// the API it serves control endpoints outside /client/v4, e.g.
// POST /_fake/connect?tunnel=<id> to make a tunnel look connected (see
// serveControl in control.go for all of them).
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/woowtech/woow-paas/tunnels/cffake"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "address to listen on")
	flag.Parse()
	srv, err := cffake.Start(*addr)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	line, _ := json.Marshal(map[string]string{"url": srv.URL, "token": srv.Token, "account": srv.Account, "zone": srv.Zone})
	fmt.Println(string(line))
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGINT, syscall.SIGTERM)
	<-stop
	srv.Close()
}
