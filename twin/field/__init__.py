"""Field work: tablet packages for QField and the conflict-safe sync back (no Qt)."""
