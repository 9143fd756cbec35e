"""Offline evaluation: metric functions, datasets and baselines for techsec-brief."""
