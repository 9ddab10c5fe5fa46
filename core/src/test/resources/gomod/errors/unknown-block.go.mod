module m
go (
	1.21
)
require x (
	a v1.0.0
)
