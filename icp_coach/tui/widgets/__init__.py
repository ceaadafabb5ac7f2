"""Reusable widgets: one widget family per module."""
