"""Who thinks: an LLM on any OpenAI-compatible endpoint (llm, local) or rules and lexicons (offline)."""
