"""Simulations of the twin (without Qt): heavy rain flooding (:mod:`twin.sim.flood`)."""
