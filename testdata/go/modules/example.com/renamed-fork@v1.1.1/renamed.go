// Package renamed is served as example.com/renamed-fork v1.1.1, which moddep's go.mod puts in
// place of example.com/renamed v1.1.0.
package renamed

// Label names the package.
func Label() string { return "renamed (fork)" }
