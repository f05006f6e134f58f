// A read worker's entry: Node 20 does not hand the parent's `--import tsx` to a worker, so it registers tsx itself.
import { register } from 'tsx/esm/api';

register();
await import('./read-worker.ts');
