"""Heat stress (Hitze): shadows, sky view factor, mean radiant temperature and UTCI for a hot day."""
