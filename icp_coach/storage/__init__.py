"""Files and sessions on disk: atomic writes, ICP documents, SQLite sessions."""
