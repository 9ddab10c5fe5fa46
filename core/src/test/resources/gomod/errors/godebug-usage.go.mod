module m
godebug (
	noequals
	"k=v"
	k=v,x
	a=1 b=2
)
