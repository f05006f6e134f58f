/** A file we cannot read as a table at all (wrong format, encoding, damaged, too large once inflated). */
export class FileFormatError extends Error {}
