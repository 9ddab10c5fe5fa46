// Package legacy is a v2 release of a module without go.mod: Go records it as +incompatible.
package legacy

// Label names the package.
func Label() string { return "legacy v2" }
