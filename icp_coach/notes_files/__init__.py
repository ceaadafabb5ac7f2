"""Notes files as people have them (.txt/.md in UTF-8, GBK, GB18030 or Big5; .docx; .html;
Evernote .enex; email .eml and .mbox; calendar .ics; .rtf) read into the clean text a person
reads, one module per container. `read_notes_file` is the entry point."""

from icp_coach.notes_files.errors import NotesFileError
from icp_coach.notes_files.reader import NotesText, read_notes_file

__all__ = ["NotesFileError", "NotesText", "read_notes_file"]
