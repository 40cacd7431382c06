import { BuiltChunk, planChunks } from './chunk-plan';

const OPTIONS = { requestBytes: 5_000, maxBytes: 15_000 };

function chunk(file: string, imports: string[] = [], extra: Partial<BuiltChunk> = {}): BuiltChunk {
  return {
    file,
    imports,
    isEntry: false,
    isDynamicEntry: false,
    moduleIds: [`/src/${file}.ts`],
    bytes: 1_000,
    hasCss: false,
    ...extra,
  };
}
const page = (file: string, imports: string[]) => chunk(file, imports, { isDynamicEntry: true, bytes: 50_000 });
const groupOf = (plan: Map<string, string>, file: string) => plan.get(`/src/${file}.ts`);

describe('the plan of which chunks to serve as one file', () => {
  it('merges small chunks that the same pages load, and leaves the pages and the first load alone', () => {
    const plan = planChunks(
      [
        chunk('entry', ['react'], { isEntry: true }),
        chunk('react'),
        page('worklist', ['table', 'menu', 'react']),
        page('cases', ['table', 'menu', 'react']),
        chunk('table', ['react']),
        chunk('menu'),
      ],
      OPTIONS,
    );
    expect(groupOf(plan, 'table')).toBeDefined();
    expect(groupOf(plan, 'table')).toBe(groupOf(plan, 'menu'));
    for (const file of ['entry', 'react', 'worklist', 'cases']) expect(groupOf(plan, file)).toBeUndefined();
  });

  it('does not make pages load bytes worth more than the requests saved', () => {
    const plan = planChunks(
      [
        page('worklist', ['table', 'charts']),
        page('reports', ['table', 'charts']),
        page('board', ['table']),
        page('audit', ['table']),
        chunk('table'),
        // Merged with the table, it would cost two pages 40 KB to save two pages a request.
        chunk('charts', [], { bytes: 40_000 }),
      ],
      OPTIONS,
    );
    expect(groupOf(plan, 'charts')).toBeUndefined();
    expect(groupOf(plan, 'table')).toBeUndefined();
  });

  it('stops growing a chunk at the largest size allowed', () => {
    const plan = planChunks(
      [
        page('worklist', ['table', 'menu', 'filters']),
        page('cases', ['table', 'menu', 'filters']),
        chunk('table', [], { bytes: 7_000 }),
        chunk('menu', [], { bytes: 7_000 }),
        chunk('filters', [], { bytes: 7_000 }),
      ],
      OPTIONS,
    );
    // Any two of the three merge (14 KB); the third would take the chunk past 15 KB.
    const groups = ['table', 'menu', 'filters'].map((file) => groupOf(plan, file));
    expect(new Set(groups.filter(Boolean)).size).toBe(1);
    expect(groups.filter(Boolean)).toHaveLength(2);
  });

  it('counts the shell and the page inside it as one visit, which a merge of their chunks saves a request', () => {
    const chunks = [
      page('shell', ['nav']),
      page('worklist', ['table']),
      page('cases', ['table']),
      // Seen by a page's dialog only: merged with the table, it would cost both visits its bytes.
      page('dialog', ['popover']),
      chunk('nav'),
      chunk('table'),
      chunk('popover', [], { bytes: 6_000 }),
    ];
    // Apart, no page loads both the shell's chunk and the pages' one: nothing to gain.
    expect(groupOf(planChunks(chunks, OPTIONS), 'nav')).toBeUndefined();
    const plan = planChunks(chunks, {
      ...OPTIONS,
      visits: [
        { entries: ['shell', 'worklist'], weight: 1 },
        { entries: ['shell', 'cases'], weight: 1 },
      ],
    });
    expect(groupOf(plan, 'nav')).toBeDefined();
    expect(groupOf(plan, 'nav')).toBe(groupOf(plan, 'table'));
    expect(groupOf(plan, 'popover')).toBeUndefined();
  });

  it('weighs the bytes and requests of a page opened every day above those of a page seldom opened', () => {
    const chunks = [
      page('worklist', ['table', 'filters']),
      page('settings', ['table']),
      chunk('table'),
      chunk('filters', [], { bytes: 6_000 }),
    ];
    // Once each, the request the worklist saves (5 KB) is worth less than the 6 KB settings would load.
    expect(groupOf(planChunks(chunks, OPTIONS), 'filters')).toBeUndefined();
    const plan = planChunks(chunks, { ...OPTIONS, visits: [{ entries: ['worklist'], weight: 2 }] });
    expect(groupOf(plan, 'filters')).toBeDefined();
    expect(groupOf(plan, 'filters')).toBe(groupOf(plan, 'table'));
  });

  it('refuses a merge that would make chunks import one another in a cycle', () => {
    // a imports c, which imports b: a+b would import c, which imports a+b. a and b both bring a
    // stylesheet, so merging them is the merge worth most, and refused.
    const chunks = [
      page('worklist', ['a']),
      page('cases', ['a']),
      page('board', ['c']),
      page('reports', ['b']),
      chunk('a', ['c'], { hasCss: true }),
      chunk('c', ['b'], { bytes: 13_500 }),
      chunk('b', [], { hasCss: true }),
    ];
    const plan = planChunks(chunks, OPTIONS);
    expect(groupOf(plan, 'a')).toBeDefined();
    expect(groupOf(plan, 'a')).toBe(groupOf(plan, 'c'));
    expect(groupOf(plan, 'b')).toBeUndefined();
    expect(cyclesAfter(chunks, plan)).toBe(0);
  });

  it('never makes a cycle, on many random chunk graphs', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    let merged = 0;
    for (let round = 0; round < 200; round++) {
      // Chunks in a random order where each imports only later ones: a graph without cycles, as
      // the bundler makes it.
      const count = 6 + Math.floor(random() * 20);
      const chunks = Array.from({ length: count }, (_, i) => {
        const imports = Array.from({ length: count - i - 1 }, (_, k) => `c${i + k + 1}`).filter(() => random() < 0.2);
        return chunk(`c${i}`, imports, {
          isDynamicEntry: random() < 0.35,
          bytes: Math.floor(random() * 12_000),
          hasCss: random() < 0.5,
        });
      });
      const plan = planChunks(chunks, OPTIONS);
      merged += new Set(plan.values()).size;
      expect(cyclesAfter(chunks, plan)).toBe(0);
    }
    // The property is not checked on plans that merge nothing.
    expect(merged).toBeGreaterThan(100);
  });

  it('fails on chunks that already import one another in a cycle, rather than plan on them', () => {
    expect(() => planChunks([page('worklist', ['a']), chunk('a', ['b']), chunk('b', ['a'])], OPTIONS)).toThrow(/cycle/);
  });
});

/** Cycles among the files served once the plan's groups are merged (each chunk has one module). */
function cyclesAfter(chunks: readonly BuiltChunk[], plan: Map<string, string>): number {
  const fileOf = (file: string) => plan.get(`/src/${file}.ts`) ?? file;
  const edges = new Map<string, Set<string>>();
  for (const built of chunks) {
    const from = fileOf(built.file);
    for (const imported of built.imports) {
      const to = fileOf(imported);
      if (to !== from) edges.set(from, (edges.get(from) ?? new Set()).add(to));
    }
  }
  let cycles = 0;
  const state = new Map<string, 'open' | 'done'>();
  const visit = (file: string) => {
    state.set(file, 'open');
    for (const next of edges.get(file) ?? []) {
      if (state.get(next) === 'open') cycles += 1;
      else if (!state.has(next)) visit(next);
    }
    state.set(file, 'done');
  };
  for (const file of edges.keys()) if (!state.has(file)) visit(file);
  return cycles;
}
