"""Analyse: many stored reports → consolidated tables, statistics, charts and exports."""
