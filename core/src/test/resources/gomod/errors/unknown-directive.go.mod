module m
frobnicate x
