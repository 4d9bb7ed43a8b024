import type { AppendBenchResult, Spread } from './appendBench.ts';

const rate = (s: Spread) => `${s.median.toFixed(0).padStart(6)} ops/s (p25 ${s.p25.toFixed(0)}, p75 ${s.p75.toFixed(0)})`;
const ratio = (s: Spread) => `${s.median.toFixed(2)}x (p25 ${s.p25.toFixed(2)}, p75 ${s.p75.toFixed(2)})`;

/** Issue 13's target for the append: at or ahead of Castore in the same run (Castore / ours <= 1 per round). */
export const printAppendResult = (result: AppendBenchResult) => {
  console.log(
    `  items written: ours ~${result.itemBytes} bytes (the raw PutItem writes the very same item), Castore's ~${result.castoreItemBytes} bytes (its own table and layout); ` +
      `ours and Castore each close a new deal without reading its stream first, so both are one conditional PutItem (Castore: a Command doing a bare pushEvent, not read-then-push)`,
  );
  for (const level of result.levels) {
    console.log(`  ${level.concurrency} in flight:`);
    console.log(`    raw conditional PutItem                          ${rate(level.rawPutsPerSecond)}`);
    console.log(`    ours: POST /v1/deals via the commands handler    ${rate(level.closeDealPerSecond)}   ${ratio(level.closeDealCost)} raw`);
    console.log(`    Castore: JSON body + Command pushEvent           ${rate(level.castoreClosePerSecond)}   ${ratio(level.castoreCloseCost)} raw`);
    console.log(`    ours: POST scope-changes (known deal)            ${rate(level.scopeChangePerSecond)}   ${ratio(level.scopeChangeCost)} raw`);
    const cpu = level.cpuMicrosPerOp;
    const us = (s: Spread) => `${s.median.toFixed(0)} us`;
    console.log(
      `    node CPU per op (median of rounds): raw ${us(cpu.raw)}, ours ${us(cpu.close)}, Castore ${us(cpu.castore)}, scope change ${us(cpu.change)}; ` +
        `ours - raw ${(cpu.close.median - cpu.raw.median).toFixed(0)} us, Castore - raw ${(cpu.castore.median - cpu.raw.median).toFixed(0)} us`,
    );
    const vs = level.closeDealVsCastore;
    console.log(
      `    ours vs Castore (Castore's rate / ours, per round): ${ratio(vs)} ${vs.median <= 1 ? 'at or ahead of' : 'BEHIND'} Castore`,
    );
  }
};
