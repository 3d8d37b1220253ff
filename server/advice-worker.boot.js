// Worker entry when statewise runs from its TypeScript sources. A worker thread does not inherit the tsx loader that
// bin/statewise.js registered on the main thread, so register it here, then load the TypeScript worker module and
// hand piscina its task handler. A build runs the compiled dist/advice-worker.cjs instead (server/advice-worker-file.ts).
import { register } from 'tsx/esm/api';

register();
const worker = await import('./advice-worker.ts');
export default worker.default;
