/**
 * What `/healthz` reports of the start-up warm-up: `warm` once every campaign day's status is cached (the process is
 * then ready), `answers` once the overview answers of every settled day are too (they keep filling while it serves).
 */
export interface Readiness {
  warm: boolean;
  answers: boolean;
}
