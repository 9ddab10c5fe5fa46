module example.com/fleet/inventory

go 1.19
