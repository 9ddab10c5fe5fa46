module m
replace example.com/a v1 => ./x
replace example.com/a vX => ./x
