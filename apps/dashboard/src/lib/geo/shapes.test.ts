import { describe, expect, test } from 'vitest';
import { matchShapes, type ShapeFeature } from './shapes';

function square(name: string, city: string, x: number): ShapeFeature {
  return {
    type: 'Feature',
    properties: { name, city, cp: [x + 0.5, 0.5] },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [x, 0],
          [x + 1, 0],
          [x + 1, 1],
          [x, 0],
        ],
      ],
    },
  };
}

const cities = [
  { code: '3402', name: '芜湖市' },
  { code: '3403', name: '蚌埠市' },
];
const units = [
  { code: '340209', name: '弋江区', cityCode: '3402' },
  { code: '340210', name: '湾沚区', cityCode: '3402' },
  { code: '340271', name: '芜湖经济技术开发区', cityCode: '3402' },
  { code: '340321', name: '怀远县', cityCode: '3403' },
];
const shapes = {
  type: 'FeatureCollection' as const,
  features: [
    square('弋江区', '芜湖市', 0),
    square('三山区', '芜湖市', 1),
    square('芜湖县', '芜湖市', 2),
    square('怀远县', '蚌埠市', 5),
  ],
};

describe('matchShapes', () => {
  const match = matchShapes(shapes, cities, units);
  const names = match.map.features.map((f) => f.properties.name);

  test('each shape is renamed to the code of the unit of the same name in its city', () => {
    expect(names).toEqual(['340209', '340210', '340321']);
  });

  test('an old name is matched through the rename table: 芜湖县 is 湾沚区', () => {
    const wanzhi = match.map.features.find((f) => f.properties.name === '340210');
    expect(wanzhi?.geometry).toEqual(square('芜湖县', '芜湖市', 2).geometry);
  });

  test('三山区 is drawn as part of 弋江区, which becomes one shape of two polygons', () => {
    const yijiang = match.map.features.find((f) => f.properties.name === '340209');
    expect(yijiang?.geometry.type).toBe('MultiPolygon');
    expect(yijiang?.geometry.coordinates).toHaveLength(2);
    expect(yijiang?.properties.cp).toBeUndefined();
  });

  test('a unit without a shape is listed, not dropped', () => {
    expect(match.shapeless.map((u) => u.name)).toEqual(['芜湖经济技术开发区']);
  });

  test('a name is matched only within its own city', () => {
    const other = matchShapes({ type: 'FeatureCollection', features: [square('怀远县', '芜湖市', 0)] }, cities, units);
    expect(other.map.features).toEqual([]);
    expect(other.unclaimed).toEqual(['芜湖市怀远县']);
    expect(other.shapeless.map((u) => u.code)).toEqual(['340209', '340210', '340271', '340321']);
  });

  test('shapes of a city outside the scope are ignored', () => {
    const bengbuOnly = matchShapes(shapes, [cities[1]!], [units[3]!]);
    expect(bengbuOnly.map.features.map((f) => f.properties.name)).toEqual(['340321']);
    expect(bengbuOnly.unclaimed).toEqual([]);
  });
});
