"""Materiel: defense news to events."""
