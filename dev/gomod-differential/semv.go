package main

import (
	"bufio"
	"fmt"
	"os"

	"golang.org/x/mod/module"
	"golang.org/x/mod/semver"
)

func main() {
	sc := bufio.NewScanner(os.Stdin)
	var prev string
	for sc.Scan() {
		v := sc.Text()
		base, berr := module.PseudoVersionBase(v)
		t, terr := module.PseudoVersionTime(v)
		ts := ""
		if terr == nil {
			ts = t.UTC().Format("2006-01-02T15:04:05Z")
		}
		rev, _ := module.PseudoVersionRev(v)
		_, pm, ok := module.SplitPathVersion(v)
		fmt.Printf("%q valid=%v canon=%q major=%q pre=%q build=%q pseudo=%v base=%q/%v time=%q rev=%q cmp=%d split=%q/%v\n",
			v, semver.IsValid(v), module.CanonicalVersion(v), semver.Major(v), semver.Prerelease(v), semver.Build(v),
			module.IsPseudoVersion(v), base, berr == nil, ts, rev, semver.Compare(prev, v), pm, ok)
		prev = v
	}
}
