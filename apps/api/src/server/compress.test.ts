import { brotliDecompressSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { encoded, etagOf, IN_PLACE_MAX } from './compress';

test('a large body asked for by several readers at once is compressed once, and decodes to the body', async () => {
  // Like a province page's first readers arriving together: a body too large to compress in place.
  const counties = Array.from({ length: 4000 }, (_, i) => ({ code: `34${String(i).padStart(4, '0')}`, score: i % 97 }));
  const body = Buffer.from(JSON.stringify(counties));
  expect(body.length).toBeGreaterThan(IN_PLACE_MAX);
  const etag = etagOf(body);
  const [first, second, third] = await Promise.all([
    encoded(body, 'br', etag),
    encoded(body, 'br', etag),
    encoded(body, 'br', etag),
  ]);
  // One compression's bytes handed to all three.
  expect(second).toBe(first);
  expect(third).toBe(first);
  expect(brotliDecompressSync(first).equals(body)).toBe(true);
  // Asked again later, the kept bytes.
  expect(await encoded(body, 'br', etag)).toBe(first);
});
