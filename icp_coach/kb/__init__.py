"""The knowledge base: methodology and case documents, embedded and searchable with citations."""
