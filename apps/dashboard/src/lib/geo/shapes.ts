/** A county shape as served from static/geo: the package's county name and the city whose file it came from. */
export interface ShapeFeature {
  type: 'Feature';
  properties: { name: string; city: string; cp?: number[] };
  geometry: { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };
}

export interface ShapeCollection {
  type: 'FeatureCollection';
  features: ShapeFeature[];
}

export interface MapUnit {
  code: string;
  name: string;
  cityCode: string;
}

/** The package's names predate these renames (DOMAIN.md). */
export const renamedShapes: Readonly<Record<string, string>> = {
  芜湖县: '湾沚区',
  繁昌县: '繁昌区',
  无为县: '无为市',
  潜山县: '潜山市',
  广德县: '广德市',
};

/** 三山区 was abolished in 2020 and its land joined 弋江区, so its shape is drawn as part of 弋江区. */
export const absorbedShapes: Readonly<Record<string, string>> = { 三山区: '弋江区' };

export interface ShapeMatch<U extends MapUnit = MapUnit> {
  /** Features renamed to unit codes (the name ECharts matches data on), one per county with a boundary. */
  map: ShapeCollection;
  /** Units of the scope with no boundary in the package (the development zones); listed beside the map. */
  shapeless: U[];
  /** Shapes no unit claims: a sign the rename table is out of date. */
  unclaimed: string[];
}

function polygonsOf(g: ShapeFeature['geometry']): number[][][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** Matches each shape to the unit of the same (renamed) name within the shape's city. */
export function matchShapes<U extends MapUnit>(
  collection: ShapeCollection,
  cities: { code: string; name: string }[],
  units: U[],
): ShapeMatch<U> {
  const cityCode = new Map(cities.map((c) => [c.name, c.code]));
  const byKey = new Map(units.map((u) => [`${u.cityCode}/${u.name}`, u]));
  const matched = new Map<string, ShapeFeature>();
  const unclaimed: string[] = [];
  const absorbed: ShapeFeature[] = [];

  for (const feature of collection.features) {
    const { name, city } = feature.properties;
    if (absorbedShapes[name]) {
      absorbed.push(feature);
      continue;
    }
    const unit = byKey.get(`${cityCode.get(city)}/${renamedShapes[name] ?? name}`);
    if (!unit) {
      if (cityCode.has(city)) unclaimed.push(`${city}${name}`);
      continue;
    }
    matched.set(unit.code, { ...feature, properties: { ...feature.properties, name: unit.code } });
  }
  for (const feature of absorbed) {
    const target = byKey.get(`${cityCode.get(feature.properties.city)}/${absorbedShapes[feature.properties.name]}`);
    const into = target && matched.get(target.code);
    if (!into) continue;
    const { cp: _dropped, ...properties } = into.properties;
    matched.set(target.code, {
      ...into,
      properties,
      geometry: { type: 'MultiPolygon', coordinates: [...polygonsOf(into.geometry), ...polygonsOf(feature.geometry)] },
    });
  }
  return {
    map: { type: 'FeatureCollection', features: [...matched.values()] },
    shapeless: units.filter((u) => !matched.has(u.code)),
    unclaimed,
  };
}
