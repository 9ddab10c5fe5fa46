module m
toolchain 1.22.4
