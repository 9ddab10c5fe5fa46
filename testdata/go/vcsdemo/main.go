// Command vcsdemo is built inside a git repository the tests create, so that Go stamps vcs.*
// settings (clean, modified, and with -buildvcs=false none).
package main

import (
	"os"
	"time"
)

func main() {
	os.Stdout.WriteString("built from git; now " + time.Now().UTC().Format("2006-01-02") + "\n")
}
