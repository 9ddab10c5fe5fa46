module m
replace example.com/a => ./dir\\sub
