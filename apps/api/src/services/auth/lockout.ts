const WINDOW_MS = 60_000;
const MAX_FAILURES = 5;

/**
 * Failed logins per username within the last minute. Kept in memory: one API process owns the SQLite file;
 * several processes behind PostgreSQL would move this into a shared table.
 */
export class LoginLockout {
  private failures = new Map<string, number[]>();
  private lockedUntil = new Map<string, number>();

  isLocked(username: string, now: number): boolean {
    return (this.lockedUntil.get(username) ?? 0) > now;
  }

  fail(username: string, now: number): void {
    const recent = (this.failures.get(username) ?? []).filter((t) => now - t < WINDOW_MS);
    recent.push(now);
    this.failures.set(username, recent);
    if (recent.length >= MAX_FAILURES) {
      this.lockedUntil.set(username, now + WINDOW_MS);
      this.failures.delete(username);
    }
  }

  succeed(username: string): void {
    this.failures.delete(username);
  }
}
