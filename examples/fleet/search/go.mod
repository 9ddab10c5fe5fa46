module example.com/fleet/search

go 1.26.0

require golang.org/x/net v0.17.0
