"""Sensor observations: compact time series in the store, queries by role, ingest bookkeeping."""
