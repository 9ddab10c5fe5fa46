// Command inventory is the example fleet's one real program: the test build compiles it with
// Debian's Go 1.19 into bin/inventory, so a scan of the fleet also reads a binary's build info.
package main

import (
	"fmt"
	"os"
	"time"
)

func main() {
	fmt.Fprintf(os.Stdout, "inventory up at %s\n", time.Now().UTC().Format(time.RFC3339))
}
