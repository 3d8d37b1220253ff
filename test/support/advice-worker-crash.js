// Test double for a bug in the advice worker, which cannot be summoned on demand: the real worker (sources, via the
// same tsx bootstrap the server uses), except that a recommend task whose body contains one of these markers
// misbehaves the way a bug would. Everything else goes to the real handler, so answers stay real.
//   CRASH-THREAD → the thread dies (process.exit in a worker thread ends that thread only)
//   THROW-BUG    → the handler throws an Error
//   HOLD-MS-<n>  → the thread is busy for n ms before answering (a long task whose length does not depend on the
//                  machine's speed, for tests about what waits behind it)
import handler from '../../server/advice-worker.boot.js';

export default function crashingHandler(task) {
  if (task.kind === 'recommend' && task.body.includes('CRASH-THREAD')) process.exit(3);
  if (task.kind === 'recommend' && task.body.includes('THROW-BUG')) throw new Error('advice worker bug (test double)');
  const hold = task.kind === 'recommend' ? /HOLD-MS-(\d+)/.exec(task.body) : null;
  if (hold) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(hold[1]));
  return handler(task);
}
