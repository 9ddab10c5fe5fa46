// Command timeonly is the small program every platform and build mode is built from: it links
// time.Now and (*time.Timer).Reset, and nothing of net/http.
package main

import (
	"os"
	"strconv"
	"time"
)

func main() {
	began := time.Now()
	timer := time.NewTimer(time.Hour)
	timer.Reset(time.Millisecond)
	<-timer.C
	os.Stdout.WriteString("waited " + strconv.FormatBool(time.Since(began) > 0) + "\n")
}
