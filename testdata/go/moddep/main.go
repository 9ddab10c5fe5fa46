// Command moddep depends on modules: a directory replacement (../greet), and three modules from
// the file GOPROXY the tests write from ../modules: a +incompatible major version, a
// pseudo-version and a version replaced by another module.
package main

import (
	"os"

	"example.com/greet"
	"example.com/legacy"
	"example.com/pseudo"
	"example.com/renamed"
)

func main() {
	os.Stdout.WriteString(greet.Greeting("fleet") + " " + legacy.Label() + " " + pseudo.Label() + " " + renamed.Label() + "\n")
}
