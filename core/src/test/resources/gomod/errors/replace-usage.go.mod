module m
replace example.com/a v1.0.0
replace example.com/a => 
