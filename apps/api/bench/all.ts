export {};
// `pnpm bench [--db postgres://…] [--scale province|nation] [--rebuild]`: the status bench, then the documents
// bench, both with the flags given (pnpm hands extra arguments to the script's last command only, so one entry).
await import('./status');
// The demo database is rebuilt once per run, not once per bench.
process.argv = process.argv.filter((a) => a !== '--rebuild');
await import('./documents');
