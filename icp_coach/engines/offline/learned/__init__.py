"""Classifiers learned from the team's training corpus (not from any example set), shipped as data."""
