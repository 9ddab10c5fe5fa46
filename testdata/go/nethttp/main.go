// Command nethttp links net/http besides time: it sends one request with (*http.Client).Do, which
// the compiler inlines. It only ever asks 127.0.0.1 port 1, so running it does no network I/O.
package main

import (
	"net/http"
	"os"
	"time"
)

func main() {
	stop := time.AfterFunc(time.Minute, func() { os.Exit(3) })
	stop.Reset(2 * time.Minute)
	client := &http.Client{Timeout: time.Second}
	req, err := http.NewRequest(http.MethodGet, "http://127.0.0.1:1/", nil)
	if err != nil {
		os.Exit(2)
	}
	if res, err := client.Do(req); err == nil {
		res.Body.Close()
	}
	os.Stdout.WriteString(time.Now().Format(time.Kitchen) + "\n")
}
