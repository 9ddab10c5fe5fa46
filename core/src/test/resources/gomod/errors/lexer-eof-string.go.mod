module m
require "example.com/a