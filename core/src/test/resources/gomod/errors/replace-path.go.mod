module m
replace x/v0 => ./x
