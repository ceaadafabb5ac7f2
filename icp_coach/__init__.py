"""icp-coach: define your Ideal Customer Profile and put it to work."""

__version__ = "0.1.0"
