"""Matchpoint registration: a cluster registers itself through a public form."""
