import { between, gaussian, type Rng } from './rng';
import type { CountyKind } from './types';

/** Mean long-term recipients (低保 + 特困) per village; log-normal with σ = 1 puts 2–4 % of county villages at ≥ 200. */
const recipientsMean: Record<CountyKind, number> = { 县: 55, 县级市: 50, 市辖区: 40, 开发区: 25 };
const urbanShare: Record<CountyKind, [number, number]> = {
  县: [0.1, 0.18],
  县级市: [0.18, 0.3],
  市辖区: [0.55, 0.8],
  开发区: [0.3, 0.5],
};
const povertyShare: Record<CountyKind, [number, number]> = {
  县: [0.18, 0.3],
  县级市: [0.15, 0.25],
  市辖区: [0.03, 0.08],
  开发区: [0.05, 0.1],
};

export function villageRecipients(rng: Rng, kind: CountyKind, villages: number): number[] {
  const mu = Math.log(recipientsMean[kind]) - 0.5;
  return Array.from({ length: villages }, () => Math.min(1200, Math.round(Math.exp(mu + gaussian(rng)))));
}

export interface CountySize {
  kind: CountyKind;
  townships: number;
  villages: number;
  /** Σ long-term recipients of the villages, or a small drawn figure when the tree has no villages. */
  recipients: number;
  urban: number;
  rural: number;
  tekun: number;
  /** 脱贫人口中丧失劳动能力人数 at the start. */
  incapable: number;
  /** Village-equivalents (recipients / 50), the unit that scales monthly flows. */
  unit: number;
}

export function countySize(rng: Rng, kind: CountyKind, townships: number, recipientsByVillage: number[]): CountySize {
  const summed = recipientsByVillage.reduce((a, b) => a + b, 0);
  const recipients = summed > 0 ? summed : Math.round(between(rng, 200, 600));
  const urban = Math.round(recipients * between(rng, ...urbanShare[kind]));
  const rest = recipients - urban;
  const tekun = Math.round(rest / 7);
  const rural = rest - tekun;
  return {
    kind,
    townships,
    villages: recipientsByVillage.length,
    recipients,
    urban,
    rural,
    tekun,
    incapable: Math.round(rural * between(rng, ...povertyShare[kind])),
    unit: Math.max(recipients, 300) / 50,
  };
}
