/**
 * Which of the dashboard's code-split chunks to serve as one file.
 *
 * Left to itself, the bundler makes one chunk per set of lazily loaded pages (or sections) that
 * share a module: about 120 chunks, of which a signed-in page needs several dozen after the first
 * file. On a phone's network (150 ms round trips, six connections per host over HTTP/1.1) those
 * requests queue in waves whatever their size. Merging chunks cuts the waves but makes some pages
 * load code they do not run; this plan merges two chunks when the requests saved are worth more
 * than the bytes added, counted over every lazily loaded page and section.
 *
 * The bundler's own merging (entriesAware with a size threshold) ignores one thing that matters: a
 * merge may create a cycle between chunks (when A imports B and B imports C, the merged A+C imports
 * B, which imports A+C). A cycle lets a module run before one it reads as it loads, and the page
 * fails ("Cannot read properties of undefined"). Here a merge is refused when another chunk lies on
 * a path between the two, so the chunks import one another without a cycle, and the plan checks
 * that before it is used.
 */

export interface BuiltChunk {
  /** The chunk's file, as the bundler named it in the first, unmerged build. */
  file: string;
  /** Files this chunk imports statically. */
  imports: readonly string[];
  /** The app's entry: it and what it imports statically are the first load, left as they are. */
  isEntry: boolean;
  /** Loaded by a dynamic import(): a page, or a section of one. */
  isDynamicEntry: boolean;
  moduleIds: readonly string[];
  /** Compressed size, as sent. */
  bytes: number;
  /** Whether the chunk brings a stylesheet, a request of its own. */
  hasCss: boolean;
}

export interface ChunkPlanOptions {
  /**
   * What one request is worth in bytes: a round trip shared by six connections (150 ms / 6 = 25 ms)
   * is about 5 KB at Lighthouse's slow 4G (1.6 Mbit/s). Measured, 4 KB gave the signed-in pages
   * their lowest simulated load times (docs/benchmarks.md).
   */
  requestBytes: number;
  /**
   * The largest a merged chunk may grow, compressed: a chunk runs as one task as it loads (a long
   * one holds the phone's main thread), and a large file on one of six connections arrives last.
   */
  maxBytes: number;
  /**
   * What one visit loads at once (dynamic entries, by file), and how much it counts: the signed-in
   * shell with each page inside it. Merging a chunk that the shell needs with one the page needs
   * saves that visit a request, which the plan cannot see when it counts the shell and the page
   * apart. A dynamic entry named here is counted only in its visits (the shell is never loaded on
   * its own); the others (sections, dialogs, pages outside the shell) each count once, as a visit
   * of their own.
   */
  visits?: readonly Visit[];
}

export interface Visit {
  entries: readonly string[];
  /** How often, against a page seldom opened (1): the pages a clinic's day is spent on weigh more. */
  weight: number;
}

/** Each merged chunk's modules, by module id, named after the group they form. */
export type ChunkPlan = Map<string, string>;

interface Group {
  files: string[];
  /** Indexes of the visits that load this group. */
  loaders: Set<number>;
  bytes: number;
  hasCss: boolean;
  imports: Set<number>;
}

export function planChunks(chunks: readonly BuiltChunk[], options: ChunkPlanOptions): ChunkPlan {
  const byFile = new Map(chunks.map((chunk) => [chunk.file, chunk]));
  const staticClosure = (start: string): Set<string> => {
    const seen = new Set<string>();
    const stack = [start];
    for (let file = stack.pop(); file !== undefined; file = stack.pop()) {
      if (seen.has(file)) continue;
      seen.add(file);
      stack.push(...(byFile.get(file)?.imports ?? []));
    }
    return seen;
  };
  const firstLoad = new Set(chunks.filter((chunk) => chunk.isEntry).flatMap((chunk) => [...staticClosure(chunk.file)]));
  const lazy = chunks.filter((chunk) => !firstLoad.has(chunk.file)).sort((a, b) => a.file.localeCompare(b.file));
  const index = new Map(lazy.map((chunk, i) => [chunk.file, i]));
  const groups: (Group | undefined)[] = lazy.map((chunk) => ({
    files: [chunk.file],
    loaders: new Set<number>(),
    bytes: chunk.bytes,
    hasCss: chunk.hasCss,
    imports: new Set(chunk.imports.flatMap((file) => (index.has(file) ? [index.get(file) as number] : []))),
  }));
  const inVisits = new Set(options.visits?.flatMap((visit) => visit.entries));
  const visits: Visit[] = [
    ...(options.visits ?? []),
    ...lazy
      .filter((chunk) => chunk.isDynamicEntry && !inVisits.has(chunk.file))
      .map((chunk) => ({ entries: [chunk.file], weight: 1 })),
  ];
  const weights = visits.map((visit) => visit.weight);
  visits.forEach(({ entries }, visit) => {
    for (const file of new Set(entries.flatMap((entry) => [...staticClosure(entry)]))) {
      const i = index.get(file);
      if (i !== undefined) groups[i]?.loaders.add(visit);
    }
  });
  assertNoCycle(groups, 'the unmerged chunks');

  const refused = new Set<string>();
  for (;;) {
    const best = bestMerge(groups, weights, options, refused);
    if (!best) break;
    const [a, b] = best;
    if (onPathBetween(groups, a, b) || onPathBetween(groups, b, a)) {
      refused.add(`${a},${b}`);
      continue;
    }
    merge(groups, a, b);
    for (const pair of [...refused])
      if (pair.split(',').some((i) => Number(i) === a || Number(i) === b)) refused.delete(pair);
  }
  assertNoCycle(groups, 'the merged chunks');

  const plan: ChunkPlan = new Map();
  let named = 0;
  for (const group of groups) {
    if (!group || group.files.length < 2) continue;
    named += 1;
    for (const file of group.files) for (const id of byFile.get(file)?.moduleIds ?? []) plan.set(id, `pages-${named}`);
  }
  return plan;
}

function bestMerge(
  groups: readonly (Group | undefined)[],
  weights: readonly number[],
  { requestBytes, maxBytes }: ChunkPlanOptions,
  refused: ReadonlySet<string>,
): [number, number] | undefined {
  let best: [number, number] | undefined;
  let bestGain = 0;
  for (let a = 0; a < groups.length; a++) {
    const first = groups[a];
    if (!first) continue;
    for (let b = a + 1; b < groups.length; b++) {
      const second = groups[b];
      if (!second || first.bytes + second.bytes > maxBytes || refused.has(`${a},${b}`)) continue;
      // Visits, by weight, that load both, and that load only the first or only the second.
      let both = 0;
      let onlyFirst = 0;
      for (const loader of first.loaders) {
        if (second.loaders.has(loader)) both += weights[loader] ?? 1;
        else onlyFirst += weights[loader] ?? 1;
      }
      if (both === 0) continue;
      let onlySecond = 0;
      for (const loader of second.loaders) if (!first.loaders.has(loader)) onlySecond += weights[loader] ?? 1;
      // A page that loads both saves one request, two when both bring a stylesheet; a page that
      // loads one of them only now loads the other's bytes too.
      const saved = first.hasCss && second.hasCss ? 2 : 1;
      const added = second.bytes * onlyFirst + first.bytes * onlySecond;
      const gain = requestBytes * saved * both - added;
      if (gain > bestGain) {
        bestGain = gain;
        best = [a, b];
      }
    }
  }
  return best;
}

/** Whether `from` reaches `to` through some third group: merging them would make a cycle. */
function onPathBetween(groups: readonly (Group | undefined)[], from: number, to: number): boolean {
  const seen = new Set<number>();
  const stack = [...(groups[from]?.imports ?? [])].filter((i) => i !== to);
  for (let i = stack.pop(); i !== undefined; i = stack.pop()) {
    if (i === to) return true;
    if (seen.has(i)) continue;
    seen.add(i);
    stack.push(...(groups[i]?.imports ?? []));
  }
  return false;
}

function merge(groups: (Group | undefined)[], into: number, from: number): void {
  const target = groups[into];
  const source = groups[from];
  if (!target || !source) return;
  target.files.push(...source.files);
  for (const loader of source.loaders) target.loaders.add(loader);
  target.bytes += source.bytes;
  target.hasCss ||= source.hasCss;
  for (const i of source.imports) if (i !== into) target.imports.add(i);
  target.imports.delete(from);
  groups[from] = undefined;
  for (const group of groups) {
    if (group?.imports.delete(from) && group !== target) group.imports.add(into);
  }
}

function assertNoCycle(groups: readonly (Group | undefined)[], what: string): void {
  const state = new Map<number, 'open' | 'done'>();
  const visit = (i: number): void => {
    state.set(i, 'open');
    for (const next of groups[i]?.imports ?? []) {
      if (state.get(next) === 'open') {
        throw new Error(`Chunk plan: ${what} import one another in a cycle (${groups[i]?.files.join(', ')})`);
      }
      if (!state.has(next)) visit(next);
    }
    state.set(i, 'done');
  };
  groups.forEach((group, i) => {
    if (group && !state.has(i)) visit(i);
  });
}
