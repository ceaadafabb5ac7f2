"""Interview transcripts (.txt, .md, .vtt, .srt, .docx, .csv, .ttml, .sbv, .ass) parsed into
speaker turns with line numbers."""
