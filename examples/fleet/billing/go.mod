module example.com/fleet/billing

go 1.23.0

toolchain go1.23.4
