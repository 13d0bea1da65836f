"""Monthly activity grids, the coordination journal and the evaluation dashboard."""
