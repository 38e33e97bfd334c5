"""The domain model: layer schemas of the twin's objects."""
