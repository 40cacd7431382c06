import request from 'supertest';
import { signIn, SignedIn } from './helpers/auth';
import { createTestApp, TestApp } from './helpers/create-test-app';

// Patient data must never reach the logs or an error message. Sentinel values (names, MRN, date
// of birth, emails nobody would type) are planted in the database and sent in paths, queries and
// bodies of every route; the test fails if any of them shows up in what the app logged (at trace
// level) or in the body of any error response. Extend EXERCISES for new PHI routes.

const SENTINEL = {
  firstName: 'Zebulonix',
  lastName: 'Quackenbushh',
  mrn: 'MRN-SNTL-77310',
  dateOfBirth: '1931-07-13',
  phone: '555-0199-4242',
  email: 'zebulonix.quackenbushh@phi-sentinel.example',
  staffName: 'Oriana Sentinelle',
  password: 'sentinel-password-Xq93!',
};
const SENTINEL_VALUES = Object.values(SENTINEL);

interface Exercise {
  name: string;
  run: (ctx: {
    t: TestApp;
    manager: SignedIn;
    frontDesk: SignedIn;
    admin: SignedIn;
    patientId: string | null;
  }) => Promise<request.Response>;
}

const patientBody = {
  mrn: SENTINEL.mrn,
  firstName: SENTINEL.firstName,
  lastName: SENTINEL.lastName,
  dateOfBirth: SENTINEL.dateOfBirth,
  sex: 'female',
  phone: SENTINEL.phone,
  email: SENTINEL.email,
};

const EXERCISES: Exercise[] = [
  {
    name: 'failed sign-in with a sentinel email',
    run: ({ t }) => t.http().post('/api/auth/login').send({ email: SENTINEL.email, password: SENTINEL.password }),
  },
  {
    name: 'sign-in with a malformed body',
    run: ({ t }) =>
      t.http().post('/api/auth/login').send({ email: SENTINEL.email, password: 7, extra: SENTINEL.lastName }),
  },
  {
    name: 'create a user with a sentinel name and email',
    run: ({ admin }) =>
      admin.post('/api/users').send({
        email: SENTINEL.email,
        displayName: SENTINEL.staffName,
        roles: ['front_desk'],
        password: SENTINEL.password,
      }),
  },
  {
    name: 'create the same user again (409)',
    run: ({ admin }) =>
      admin.post('/api/users').send({
        email: SENTINEL.email,
        displayName: SENTINEL.staffName,
        roles: ['front_desk'],
        password: SENTINEL.password,
      }),
  },
  {
    name: 'a password containing the email (400)',
    run: ({ admin }) =>
      admin.post('/api/users').send({
        email: `x${SENTINEL.email}`,
        displayName: SENTINEL.staffName,
        roles: ['front_desk'],
        password: `${SENTINEL.email}1`,
      }),
  },
  {
    name: 'search patients by name',
    run: ({ frontDesk }) =>
      frontDesk.get(`/api/patients?search=${encodeURIComponent(SENTINEL.lastName)}&q=${SENTINEL.mrn}`),
  },
  {
    name: 'read the sentinel patient',
    run: ({ frontDesk, patientId }) => frontDesk.get(`/api/patients/${patientId ?? SENTINEL.mrn}`),
  },
  {
    name: 'a patient path with PHI in it',
    run: ({ frontDesk }) => frontDesk.get(`/api/patients/${encodeURIComponent(SENTINEL.lastName)}`),
  },
  {
    name: 'create a duplicate patient (same MRN)',
    run: ({ frontDesk }) => frontDesk.post('/api/patients').send(patientBody),
  },
  {
    name: 'update a patient with a bad body',
    run: ({ frontDesk, patientId }) =>
      frontDesk.patch(`/api/patients/${patientId}`).send({ dateOfBirth: SENTINEL.lastName, bogus: SENTINEL.mrn }),
  },
  {
    name: 'the audit log filtered by the patient',
    run: ({ manager, patientId }) => manager.get(`/api/audit?patientId=${patientId}&userId=${SENTINEL.lastName}`),
  },
  {
    name: 'a forbidden route with PHI in the query',
    run: ({ frontDesk }) => frontDesk.get(`/api/users?name=${SENTINEL.lastName}`),
  },
  {
    name: 'an unknown route with PHI in the path',
    run: ({ manager }) => manager.get(`/api/nowhere/${SENTINEL.lastName}/${SENTINEL.mrn}`),
  },
  {
    name: 'search cases by the patient name and MRN',
    run: ({ frontDesk }) =>
      frontDesk.get(`/api/cases?q=${encodeURIComponent(SENTINEL.lastName)}&status=bogus-${SENTINEL.mrn}`),
  },
  {
    name: 'a case for the sentinel patient, then a refused transition with PHI in the note',
    run: async ({ manager, frontDesk, patientId }) => {
      const payer = await manager
        .post('/api/payers')
        .send({ name: 'Sentinel Payer', payerCode: 'SNTL1', planType: 'commercial_erisa' });
      const provider = await manager
        .post('/api/providers')
        .send({ firstName: 'Doc', lastName: 'Tor', npi: '1234567893' });
      const created = await frontDesk.post('/api/cases').send({
        patientId,
        payerId: payer.body.id,
        providerId: provider.body.id,
        procedureLines: [
          { cpt: '17110', units: 1, bodySite: `Behind the ears of ${SENTINEL.lastName}`, lesionCount: 4 },
        ],
        diagnoses: ['L72.0'],
        payerReference: SENTINEL.mrn,
      });
      if (created.status !== 201) return created;
      await frontDesk.post('/api/cases').send({ ...created.body, patientId, unexpected: SENTINEL.firstName });
      return frontDesk
        .post(`/api/cases/${created.body.id}/transitions`)
        .set('If-Match', '1')
        .send({ to: 'submitted', note: `Called ${SENTINEL.firstName} ${SENTINEL.lastName} at ${SENTINEL.phone}` });
    },
  },
];

describe('no patient data in logs or error messages', () => {
  let t: TestApp;
  let manager: SignedIn;
  let frontDesk: SignedIn;
  let admin: SignedIn;
  let patientId: string | null = null;
  const errorBodies: { name: string; status: number; body: string }[] = [];

  beforeAll(async () => {
    t = await createTestApp({ LOG_LEVEL: 'trace' }, { captureLogs: true });
    manager = await signIn(t, 'manager');
    frontDesk = await signIn(t, 'front_desk');
    admin = await signIn(t, 'admin');
    const hasPatients = await t.db.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'patients'`);
    if (hasPatients.rowCount) {
      const { rows } = await t.db.query<{ id: string }>(
        `INSERT INTO patients (mrn, first_name, last_name, date_of_birth, sex, phone, email) VALUES ($1, $2, $3, $4, 'female', $5, $6) RETURNING id`,
        [SENTINEL.mrn, SENTINEL.firstName, SENTINEL.lastName, SENTINEL.dateOfBirth, SENTINEL.phone, SENTINEL.email],
      );
      patientId = rows[0].id;
    }

    const record = (name: string, res: request.Response) => {
      if (res.status >= 400) errorBodies.push({ name, status: res.status, body: res.text ?? '' });
    };
    for (const exercise of EXERCISES)
      record(exercise.name, await exercise.run({ t, manager, frontDesk, admin, patientId }));

    // Every route of the API, as a clinic role, with PHI in the query and a body of wrong PHI-laden fields.
    const document = (await t.http().get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
        if (!(method in operations) || path === '/api/auth/logout') continue;
        const url = `${path.replace(/\{\w+\}/g, patientId ?? '00000000-0000-4000-8000-000000000000')}?search=${SENTINEL.lastName}&mrn=${SENTINEL.mrn}`;
        for (const session of [frontDesk, manager]) {
          const res = await session[method](url).send({
            ...patientBody,
            unexpected: SENTINEL.firstName,
            dateOfBirth: SENTINEL.lastName,
          });
          record(`${method.toUpperCase()} ${path}`, res);
        }
      }
    }
  }, 120_000);

  afterAll(async () => {
    await t.close();
  });

  it('captured the application log (so the check below means something)', () => {
    expect(t.logs()).toContain('"statusCode"');
    // Request lines name the route pattern, not the URL the client sent.
    expect(t.logs()).toContain('"route":"/api/users/:id"');
    // …and who asked, by id.
    expect(t.logs()).toContain(`"userId":"${manager.user.id}"`);
    expect(t.logs().split('\n').length).toBeGreaterThan(50);
    expect(errorBodies.length).toBeGreaterThan(10);
  });

  it('logs none of the sentinel values', () => {
    const leaks = SENTINEL_VALUES.filter((value) => t.logs().toLowerCase().includes(value.toLowerCase()));
    expect(leaks).toEqual([]);
  });

  it('puts none of them in an error body', () => {
    const leaks = errorBodies.filter(({ body }) =>
      SENTINEL_VALUES.some((value) => body.toLowerCase().includes(value.toLowerCase())),
    );
    expect(leaks).toEqual([]);
  });

  it('keeps them out of the audit trail details', async () => {
    const { rows } = await t.db.query<{ detail: string; object_id: string | null; user_agent: string | null }>(
      `SELECT detail::text AS detail, object_id, user_agent FROM audit_events`,
    );
    const text = JSON.stringify(rows).toLowerCase();
    // Staff emails and names are not PHI and may appear (the created user); patient values may not.
    expect(
      [SENTINEL.firstName, SENTINEL.lastName, SENTINEL.mrn, SENTINEL.dateOfBirth, SENTINEL.phone].filter((v) =>
        text.includes(v.toLowerCase()),
      ),
    ).toEqual([]);
  });
});
