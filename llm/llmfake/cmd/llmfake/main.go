// Command llmfake serves the fake OpenAI-compatible provider
// (llm/llmfake) for the browser tests: it listens on 127.0.0.1 (a free
// port unless -addr says otherwise), prints one JSON line to stdout,
//
//	{"url":"http://127.0.0.1:PORT/v1"}
//
// (the base URL to give an AI provider), and serves until SIGINT or
// SIGTERM. Answers follow llmfake.Directives: "slow", "fail 503 …",
// "count N" in the last message steer them.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"

	"github.com/woowtech/woow-paas/llm/llmfake"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "address to listen on")
	flag.Parse()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	srv := &http.Server{Handler: llmfake.New()}
	go srv.Serve(ln)
	line, _ := json.Marshal(map[string]string{"url": "http://" + ln.Addr().String() + "/v1"})
	fmt.Println(string(line))
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGINT, syscall.SIGTERM)
	<-stop
	srv.Close()
}
