/**
 * 结果缓存: the tally of a campaign kept between reads. A province tally (150,000 ballots) takes 1–2 s to compute and
 * the console asks for it on every page (ranking, unit page, explanation), so it is computed once per change.
 *
 * Still computed from the ballots, never stored: an entry is used only while
 *  - no ballot was committed since it was computed (online and paper writers emit on the ballot feed after commit;
 *    any such event drops every entry of the context — cheap, and exact without knowing the campaign), and
 *  - the definition read fresh on this call is the same as the one it was computed from (sessions opened or closed,
 *    issued/present counts, weights, units: all of it is in the definition, compared as canonical JSON).
 * A call that overlaps a ballot commit stores its result under the generation it started with, so it is never
 * served after that commit.
 */
import type { PresentedTally } from '../../domain/present.js';
import type { Tally } from '../../domain/results.js';
import type { CampaignDefinition } from '../../domain/types.js';

/** A province tally holds millions of values: keep only the few campaigns being looked at. */
const MAX_ENTRIES = 4;

interface Entry {
  generation: number;
  definitionKey: string;
  tally: Promise<Tally>;
  presented: PresentedTally | null;
}

/** One per context (createAppContext), which drops every entry on each ballot feed event. */
export class ResultsCache {
  private generation = 0;
  private readonly entries = new Map<string, Entry>();

  forgetAll(): void {
    this.generation++;
    this.entries.clear();
  }

  private entry(def: CampaignDefinition, compute: () => Promise<Tally>): Entry {
    const definitionKey = JSON.stringify(def);
    const found = this.entries.get(def.id);
    if (found && found.generation === this.generation && found.definitionKey === definitionKey) {
      // Most recently used last, so the oldest is the one dropped.
      this.entries.delete(def.id);
      this.entries.set(def.id, found);
      return found;
    }
    const entry: Entry = { generation: this.generation, definitionKey, tally: compute(), presented: null };
    entry.tally.catch(() => {
      if (this.entries.get(def.id) === entry) this.entries.delete(def.id);
    });
    this.entries.set(def.id, entry);
    while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }

  /**
   * The campaign's tally, computed by `compute` unless a valid one is kept. Callers get a shallow copy: they may
   * replace its top-level lists (a viewer's filter does) but must not change what the lists hold.
   */
  async tally(def: CampaignDefinition, compute: () => Promise<Tally>): Promise<Tally> {
    return { ...(await this.entry(def, compute).tally) };
  }

  /** The office's (unfiltered) presented tally of the same entry, presented once. */
  async presented(def: CampaignDefinition, compute: () => Promise<Tally>, present: (tally: Tally) => PresentedTally): Promise<PresentedTally> {
    const entry = this.entry(def, compute);
    const tally = await entry.tally;
    return (entry.presented ??= present({ ...tally }));
  }
}
