module m
tool
tool a b
ignore
