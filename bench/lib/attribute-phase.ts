// The attribute workloads at one size (issue 18's Performance): on each portal, the filters without and with the
// field's index, then the remap of the field under the SCIM mix. Portals only: the peer has no host fields.
import { filterFigures, filterLine, type FilterFigure } from './attribute-filters';
import type { SizeContext } from './passes';
import { remapFigure, remapLine, type RemapFigure } from './remap-workload';

export interface AttributeFigures {
  filters: FilterFigure[];
  remaps: RemapFigure[];
}

export async function attributePhase(ctx: SizeContext, only: ReadonlySet<string>, out: AttributeFigures): Promise<void> {
  const log = ctx.rounds.log;
  log(`[${ctx.users} users] attribute workloads: ${[...only].join(', ')}`);
  for (const s of ctx.servers) {
    const seeded = ctx.seeded.get(s);
    if (!s.host || !seeded) continue;
    if (['filter-title', 'filter-field', 'filter-custom'].some((k) => only.has(k))) {
      const figures = await filterFigures(s, s.host, seeded, only, ctx.rounds);
      out.filters.push(...figures);
      for (const f of figures) log(`  ${filterLine(f)}`);
    }
    if (only.has('remap')) {
      const f = await remapFigure(s, s.host, seeded, ctx.rounds);
      out.remaps.push(f);
      log(`  ${remapLine(f)}`);
    }
  }
}
