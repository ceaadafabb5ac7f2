"""The Textual coach. Renders the coach's events; holds no domain logic."""
