module m
require it's v1.0.0
