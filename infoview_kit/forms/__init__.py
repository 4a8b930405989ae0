"""ipywidgets forms for the course notebooks: thin wiring over the pure domain modules."""
