"""Sensor observations into the twin: OGC SensorThings API servers and CSV exports."""
