// npm run backup while the built app runs, more writes after it, npm run restore into a new
// DATA_DIR, the app started on it: everything from before the backup is there (cases, notes,
// photo files, a two-factor secret that still opens), nothing from after it, and the audit chain
// verifies. Uses the compiled scripts, as an operator of the built app runs them.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import sharp from 'sharp';
import { loadConfig } from '../../apps/api/src/config/config';
import { openCliDatabase } from '../../apps/api/src/database/cli-database';
import { DEMO_PASSWORD } from '../../apps/api/src/database/seed/demo-users';
import { generateTotpCode } from '../../apps/api/src/modules/auth/totp';
import { RunningApp, startBuiltApp, workspaceRoot } from '../app/built-app';

const run = promisify(execFile);

/** A compiled CLI script on a data directory, as `npm run <name>` runs it. */
function runScript(name: string, dataDir: string, args: string[]) {
  return run(process.execPath, [join(workspaceRoot, 'dist/api/scripts', `${name}.js`), ...args], {
    cwd: workspaceRoot,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' },
    timeout: 120_000,
  });
}

interface Session {
  json(method: string, path: string, body?: unknown): Promise<Record<string, unknown>>;
  request(method: string, path: string, body?: RequestInit['body']): Promise<Response>;
}

async function signIn(app: RunningApp, email: string, totp?: string): Promise<Session> {
  const res = await fetch(`${app.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD, ...(totp ? { totp } : {}) }),
  });
  if (!res.ok) throw new Error(`sign-in as ${email}: ${res.status} ${await res.text()}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]);
  const csrf = decodeURIComponent(cookies.find((c) => c.startsWith('csrf_token='))?.split('=')[1] ?? '');
  const request = (method: string, path: string, body?: RequestInit['body'], type?: string) =>
    fetch(`${app.baseUrl}${path}`, {
      method,
      headers: { cookie: cookies.join('; '), 'x-csrf-token': csrf, ...(type ? { 'content-type': type } : {}) },
      body,
    });
  return {
    request: (method, path, body) => request(method, path, body),
    async json(method, path, body) {
      const answer = await request(
        method,
        path,
        body === undefined ? undefined : JSON.stringify(body),
        'application/json',
      );
      if (!answer.ok) throw new Error(`${method} ${path}: ${answer.status} ${await answer.text()}`);
      return answer.status === 204 ? {} : ((await answer.json()) as Record<string, unknown>);
    },
  };
}

async function addNoteAndPhoto(
  session: Session,
  caseId: string,
  text: string,
): Promise<{ noteId: string; photoId: string }> {
  const note = await session.json('POST', `/api/cases/${caseId}/notes`, { kind: 'clinical_note', text });
  const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c08070' } })
    .png()
    .toBuffer();
  const form = new FormData();
  form.set('bodySite', 'Left forearm');
  form.set('lesionCount', '1');
  form.set('takenAt', '2026-11-20');
  form.set('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'lesion.png');
  const res = await session.request('POST', `/api/cases/${caseId}/photos`, form);
  if (res.status !== 201) throw new Error(`photo upload: ${res.status} ${await res.text()}`);
  return { noteId: note.id as string, photoId: ((await res.json()) as { id: string }).id };
}

/** The ids of every case, note and photo, read straight from the app's database. */
async function rowIds(dataDir: string): Promise<Record<'cases' | 'notes' | 'photos', string[]>> {
  const database = await openCliDatabase(loadConfig({ DATA_DIR: dataDir }), () => undefined);
  const client = new Client({ connectionString: database.url });
  await client.connect();
  try {
    const ids = async (table: string) =>
      (await client.query<{ id: string }>(`SELECT id FROM ${table} ORDER BY id`)).rows.map((r) => r.id);
    return { cases: await ids('cases'), notes: await ids('case_notes'), photos: await ids('case_photos') };
  } finally {
    await client.end();
    await database.close();
  }
}

describe('npm run backup and npm run restore (embedded deployment)', () => {
  const root = mkdtempSync(join(tmpdir(), 'preauth-backup-test-'));
  const source = join(root, 'source');
  const restored = join(root, 'restored');
  const backups = join(root, 'backups');
  const apps: RunningApp[] = [];

  afterAll(async () => {
    for (const app of apps) await app.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('restores every case, note, photo file and two-factor secret from before the backup, none from after', async () => {
    const original = await startBuiltApp({ dataDir: source });
    apps.push(original);
    const physician = await signIn(original, 'physician@demo.clinic');
    const list = await physician.json('GET', '/api/cases');
    const caseId = (list.items as { id: string }[])[0].id;
    const before = await addNoteAndPhoto(physician, caseId, 'Biopsy confirmed, before the backup.');

    const manager = await signIn(original, 'manager@demo.clinic');
    const { secret } = (await manager.json('POST', '/api/auth/totp/setup')) as { secret: string };
    await manager.json('POST', '/api/auth/totp/enable', { code: generateTotpCode(secret, Date.now()) });
    const saved = await rowIds(source);

    const backup = await runScript('backup', source, ['--to', backups]);
    expect(backup.stdout).toMatch(/^Backed up to .*preauth-\d{8}T\d{6}Z in /);
    const [backupDir] = readdirSync(backups);

    const after = await addNoteAndPhoto(physician, caseId, 'Written after the backup.');
    await original.stop();

    const restore = await runScript('restore', restored, [join(backups, backupDir)]);
    expect(restore.stdout).toContain(`${saved.cases.length} case(s), ${saved.photos.length} photo(s)`);
    await expect(runScript('restore', restored, [join(backups, backupDir)])).rejects.toMatchObject({
      stderr: expect.stringContaining('is not empty: restore into a new, empty DATA_DIR'),
    });

    const back = await startBuiltApp({ dataDir: restored });
    apps.push(back);
    expect(await rowIds(restored)).toEqual(saved);
    const session = await signIn(back, 'physician@demo.clinic');
    const notes = (await session.json('GET', `/api/cases/${caseId}/notes`)) as unknown as { id: string }[];
    expect(notes.map((n) => n.id)).toContain(before.noteId);
    expect(notes.map((n) => n.id)).not.toContain(after.noteId);
    for (const photoId of saved.photos) {
      const res = await session.request('GET', `/api/photos/${photoId}`);
      expect(res.status).toBe(200);
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(0);
    }
    expect(saved.photos).toContain(before.photoId);
    expect((await session.request('GET', `/api/photos/${after.photoId}`)).status).toBe(404);

    // The key file came back with the data: the secret still opens and sign-in takes a code.
    await signIn(back, 'manager@demo.clinic', generateTotpCode(secret, Date.now() + 30_000));

    const verify = await runScript('audit-verify', restored, []);
    expect(verify.stdout).toMatch(/^OK: the audit trail's \d+ events are intact/);
  }, 240_000);
});
