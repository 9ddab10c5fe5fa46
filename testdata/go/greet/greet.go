// Package greet is moddep's directory replacement.
package greet

// Greeting says hello to whom.
func Greeting(whom string) string { return "hello, " + whom }
