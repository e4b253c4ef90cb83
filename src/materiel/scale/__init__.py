"""The ingest job beyond one machine: on the actors of a Ray cluster (`ray_ingest`)."""
