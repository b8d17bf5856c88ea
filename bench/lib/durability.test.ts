// Reading strace's summary of flush calls, and the warning for a server that claims a durability it does not keep.
import { describe, expect, it } from 'vitest';
import { durabilityWarnings, flushCalls } from './durability';
import type { ServerId } from './servers';

const SUMMARY = `strace: Process 4242 attached with 7 threads
strace: Process 4242 detached
% time     seconds  usecs/call     calls    errors syscall
------ ----------- ----------- --------- --------- ----------------
 60.00    0.000300          10        30         2 fsync
 40.00    0.000200          20        10           fdatasync
------ ----------- ----------- --------- --------- ----------------
100.00    0.000500          12        40         2 total
`;

const id = (name: string, side: ServerId['side'], judged: boolean): ServerId => ({ side, db: 'sqlite', name, durability: '', judged });

describe('flushCalls', () => {
  it('adds up the fsync and fdatasync calls, leaving out the total line', () => expect(flushCalls(SUMMARY)).toBe(40));
  it('is 0 when the processes made none', () => expect(flushCalls('strace: Process 1 attached\n')).toBe(0));
  it('is null when strace attached to nothing', () => expect(flushCalls('strace: attach: ptrace(PTRACE_SEIZE, 1): Operation not permitted\n')).toBeNull());
});

describe('durabilityWarnings', () => {
  it('warns of a judged portal or a peer that flushed less than once a write, never of NORMAL or an unknown count', () => {
    const warnings = durabilityWarnings([
      { server: id('portal NORMAL', 'portal', false), perWrite: 0.1 },
      { server: id('portal FULL', 'portal', true), perWrite: 0.1 },
      { server: id('jackson', 'peer', false), perWrite: 4 },
      { server: id('portal', 'portal', true), perWrite: null },
    ]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^WARNING: portal FULL on sqlite made 0.1 flushes per write/);
  });
});
