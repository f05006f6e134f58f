import { percentText } from '@dudao/metrics';

/** What the roster known at the period end says, for the T10 narrative. */
export interface RosterFacts {
  villages: number;
  withCoordinators: number;
  coordinators: number;
  civilAffairs: number;
  eligible: number;
  stations: number;
}

export interface NarrativeFacts {
  county: string;
  period: string;
  values: Record<string, string | null>;
  previous: Record<string, string | null> | null;
  roster: RosterFacts | null;
}

/** Read helpers the templates use: current figure, change since the last report, 万元, shares. */
export class Facts {
  readonly c: string;
  /** 全县 / 全区 / 全市, after the county's own name. */
  readonly s: string;
  readonly m: number;
  readonly r: RosterFacts | null;
  constructor(private readonly f: NarrativeFacts) {
    this.c = f.county;
    this.s = `全${/[县市]$/.test(f.county) ? f.county.slice(-1) : '区'}`;
    this.m = Number(f.period.slice(5, 7));
    this.r = f.roster;
  }
  v(code: string): number {
    return Number(this.f.values[code] ?? 0);
  }
  d(code: string): number {
    return Math.max(0, this.v(code) - Number(this.f.previous?.[code] ?? 0));
  }
  on(code: string): boolean {
    return this.f.values[code] === 'true';
  }
  wan(code: string): string {
    return `${(this.v(code) / 10_000).toFixed(2)}万元`;
  }
  pct(part: string, whole: string): string {
    const w = this.v(whole);
    // Shares read as every document writes them: the one formatter.
    return percentText(w === 0 ? 1 : this.v(part) / w);
  }
}
