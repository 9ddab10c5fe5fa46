module exämple.com/ü
go 1.21 
