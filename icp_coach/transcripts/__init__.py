"""Interview transcripts (.txt, .md, .vtt, .srt, .docx) parsed into speaker turns with line numbers."""
