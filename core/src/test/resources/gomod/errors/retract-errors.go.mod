module m
retract (
	
)
retract
retract [
retract [v1.0.0
retract [v1.0.0,
retract [v1.0.0, v1.1.0
retract [v1.0.0, v1.1.0] extra
retract "v1\q"
