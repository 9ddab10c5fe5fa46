module m
require example.com/a/v1 v1.0.0
