module example.com/fixtures/moddep

go 1.19

require (
	example.com/greet v1.0.0
	example.com/legacy v2.0.0+incompatible
	example.com/pseudo v0.0.0-20230102030405-abcdefabcdef
	example.com/renamed v1.1.0
)

replace example.com/greet => ../greet

replace example.com/renamed v1.1.0 => example.com/renamed-fork v1.1.1
