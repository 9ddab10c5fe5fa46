module m
require () x
