"""Pydantic models and pure rules. No I/O, no UI, no LLM provider."""
