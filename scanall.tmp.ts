import { scanRepository } from '/work/wt-26/adapters/scan/index.ts';
import { builtinEngine } from '/work/wt-26/test/support/engine.ts';
const engine = builtinEngine();
const dirs = process.argv.slice(2);
for (const d of dirs) {
  const r = await scanRepository(d, { advise: (q) => engine.advise(q, { today: '2026-11-26' }) });
  console.log(`== ${d} (${r.evidence.length} evidence, issues ${r.issues.length})`);
  for (const f of r.findings) console.log(`  ${f.severity} ${f.rule} ${f.file}:${f.line}:${f.column} [${f.key}] ${f.message.slice(0, 150)}`);
  if (process.env.EV) for (const e of r.evidence) console.log('   ev', e.kind, e.file, e.line, e.column, JSON.stringify(e.facts));
}
