module m
toolchain go1.21 go1.22
