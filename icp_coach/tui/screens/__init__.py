"""The app's screens: one screen family per module."""
