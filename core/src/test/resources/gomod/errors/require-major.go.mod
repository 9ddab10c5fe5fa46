module m
require (
	example.com/a/v2 v1.0.0
	example.com/b v2.0.0
	gopkg.in/yaml.v3 v2.0.0
)
