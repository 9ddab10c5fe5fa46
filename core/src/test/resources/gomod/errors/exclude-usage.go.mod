module m
exclude example.com/a v1.0.0 v1.0.1
